// GUI tests without a browser: the real App and views drawn for many frames with no
// renderer (tests/gui/harness.h). Each tool's view adds a test_<tool>_view.cpp here.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
