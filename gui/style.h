// Fonts and themes. The UI font is rasterized at the device pixel ratio (crisp on HiDPI)
// and drawn at 1/dpr scale, so layouts stay in CSS pixels; it is rebuilt when the ratio
// changes (a window dragged to another screen).
#pragma once

namespace mf {

enum class Theme { Light, Dark };

// Builds the font atlas for the given device pixel ratio; returns true when it changed
// (the renderer must then re-upload the font texture).
bool load_fonts(float device_pixel_ratio, float size_css_px = 15.0f);
void apply_theme(Theme theme);

// Sizes in "em" (multiples of the font height), so layouts follow the font size.
float em(float n = 1.0f);

}  // namespace mf
