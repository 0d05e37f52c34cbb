// doctest runner for the core unit tests; the same sources run natively and, compiled with
// emcc, under node, so the browser build is checked to compute what the native build does.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#define DOCTEST_CONFIG_NO_POSIX_SIGNALS  // not available under emscripten
#include <doctest/doctest.h>
