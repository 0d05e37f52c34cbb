// The views' number formatting lives in core (core/base/format.h), so the results tables
// built in core (the clipboard and CSV copies of what a view shows) round exactly as the views.
#pragma once
#include "base/format.h"
