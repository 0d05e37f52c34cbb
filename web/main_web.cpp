// The browser main loop: SDL2 for input and a WebGL2 context, Dear ImGui's SDL2 and
// OpenGL ES 3 backends, and the App. The loop stops itself when the page is idle (no input
// for half a second, no queued input, nothing computing on the page) and is woken by the next
// SDL event, a dropped file or a paste; a Web Worker's reply or the autosave asks for one
// frame (gui/platform/wake.h). A frame whose draw data is already on the canvas is not drawn
// (gui/draw_data_hash.h), and one that changes it is drawn once ImGui has settled
// (gui/frame_settle.h), and only where it differs from the last (gui/damage_tiles.h). So an
// idle tab costs no CPU, and a tab waiting for workers little.
#include <GLES3/gl3.h>
#include <SDL.h>
#include <emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "app.h"
#include "busy.h"
#include "damage_tiles.h"
#include "draw_data_hash.h"
#include "frame_clock.h"
#include "frame_settle.h"
#include "imgui.h"
#include "imgui_internal.h"  // ImGuiContext::InputEventsQueue
#include "imgui_impl_opengl3.h"
#include "imgui_impl_sdl2.h"
#include "parallel_blocks_run.h"
#include "style.h"
#include "test_hooks.h"
#include "platform/platform.h"
#include "platform/wake.h"

namespace {

constexpr double kActiveAfterInputSeconds = 0.5;  // keep drawing this long after the last input
// ... but those frames without input of their own (a tooltip's delay, a blinking cursor) run at
// most 20 times a second: at 60 they took a third of a core, from the Web Workers computing the
// edit's Monte Carlo on the same two cores.
constexpr double kQuietFrameSeconds = 0.05;

SDL_Window* g_window = nullptr;
mf::App* g_app = nullptr;
bool g_paused = false;
bool g_paste_pending = false;
double g_active_until = 0;
std::optional<uint64_t> g_drawn_hash;  // of the frame the canvas shows
bool g_canvas_kept = false;            // the WebGL context keeps its pixels between frames
mf::DamageTiles g_damage;              // ... so only what changed is drawn
bool g_frame_owed = false;             // request_frame(): one frame even when idle
int g_frame_timer = 0;                 // a pending request_frame_at() timeout, or 0
double g_frame_timer_due = 0;          // when it fires (seconds)
double g_last_frame = 0;               // when the last frame ran (seconds)

double now_seconds() { return emscripten_get_now() / 1000.0; }

void resume_loop() {
    if (!g_paused) return;
    g_paused = false;
    emscripten_resume_main_loop();
}

// ImGui has input queued that it has not taken yet (1.90 trickles it over passes).
bool input_queued() { return ImGui::GetCurrentContext()->InputEventsQueue.Size > 0; }

// SDL 2.26 queues an SDL_POLLSENTINEL at every polling round: that is not input.
bool is_input(const SDL_Event& e) { return e.type != SDL_POLLSENTINEL; }

void frame();

// A key, a typed character or a mouse button is taken in a frame of its own as soon as the
// browser has dispatched its event (a microtask), not at the next animation frame: after input
// Chromium runs no other task before that frame, up to 16.7 ms later, and the edit the key
// makes or the tab the click opens (and the Monte Carlo either starts on the workers) would
// wait for it. The animation frame then finds nothing new (a quiet frame). Not for moves and
// wheels: they come many times a frame.
bool g_frame_after_input_pending = false;
// clang-format off
EM_JS(void, js_frame_after_event, (), { queueMicrotask(function () { Module._mf_frame_after_input(); }); });
// clang-format on

int wake_on_event(void*, SDL_Event* event) {
    if (!is_input(*event)) return 0;
    mf::web::wake();
    const bool now = event->type == SDL_KEYDOWN || event->type == SDL_TEXTINPUT || event->type == SDL_MOUSEBUTTONDOWN ||
        event->type == SDL_MOUSEBUTTONUP;
    if (now && !g_frame_after_input_pending) {
        g_frame_after_input_pending = true;
        js_frame_after_event();
    }
    return 0;
}

// A press and its release can arrive between two frames (a quick tap, an automated click).
// ImGui needs to see the button down in one frame to click what is under it, so a release
// that follows its own press in the same batch waits for the next frame.
std::vector<SDL_Event> g_deferred;

#ifdef MF_TEST_HOOKS
// What the browser tests read of the drawing: images drawn whole and in part, pixels cleared.
void count_image(const std::vector<mf::PixelRect>& rects, const mf::DamageTiles::FrameKey& key) {
    int64_t pixels = 0;
    for (const mf::PixelRect& r : rects) pixels += r.area();
    const bool whole = rects.size() == 1 && rects[0] == mf::PixelRect{0, 0, key.width, key.height};
    // clang-format off
    EM_ASM({
        const c = Module.mfImages || (Module.mfImages = {whole: 0, partial: 0, pixels: 0});
        if ($0) ++c.whole; else ++c.partial;
        c.pixels += $1;
    }, whole, static_cast<double>(pixels));
    // clang-format on
}
#endif

// Clears and draws the rectangles where `data` differs from what the canvas shows (all of it
// when the canvas does not keep its pixels), each with every command clipped to it.
void draw(ImDrawData& data) {
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    const mf::DamageTiles::FrameKey key = mf::DamageTiles::key_of(data, ImGui::ColorConvertFloat4ToU32(bg));
    std::vector<mf::PixelRect> rects{{0, 0, key.width, key.height}};
    if (g_canvas_kept) rects = g_damage.changed(data, key);
    if (rects.empty()) return;  // nothing visible changed (only clipped-away content)
#ifdef MF_TEST_HOOKS
    count_image(rects, key);
#endif
    int w = 0, h = 0;
    SDL_GL_GetDrawableSize(g_window, &w, &h);
    glViewport(0, 0, w, h);
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    for (const mf::PixelRect& r : rects) {
        glEnable(GL_SCISSOR_TEST);  // the backend disables it again after its commands
        glScissor(r.x0, key.height - r.y1, r.x1 - r.x0, r.y1 - r.y0);
        glClear(GL_COLOR_BUFFER_BIT);
        const mf::ClipNarrowing narrowed(data, r);
        ImGui_ImplOpenGL3_RenderDrawData(&data);
    }
}

void frame() {
    SDL_Event event;
    bool had_input = !g_deferred.empty();
    std::vector<SDL_Event> now_events;
    now_events.swap(g_deferred);
    while (SDL_PollEvent(&event)) now_events.push_back(event);
    unsigned pressed_this_batch = 0;  // bit per mouse button
    for (SDL_Event& e : now_events) {
        if (e.type == SDL_MOUSEBUTTONDOWN) pressed_this_batch |= 1u << e.button.button;
        if (e.type == SDL_MOUSEBUTTONUP && (pressed_this_batch & (1u << e.button.button))) {
            g_deferred.push_back(e);
            continue;
        }
        if (!g_deferred.empty()) {  // keep the order of everything after a deferred release
            g_deferred.push_back(e);
            continue;
        }
        ImGui_ImplSDL2_ProcessEvent(&e);
        had_input = had_input || is_input(e);
    }
    ImGuiIO& io = ImGui::GetIO();
    if (g_paste_pending) {
        // The browser handed over pasted text in a paste event; replay the chord for ImGui
        // (the input queue trickles down/up over successive frames).
        g_paste_pending = false;
        io.AddKeyEvent(ImGuiMod_Ctrl, true);
        io.AddKeyEvent(ImGuiKey_V, true);
        io.AddKeyEvent(ImGuiKey_V, false);
        io.AddKeyEvent(ImGuiMod_Ctrl, false);
        had_input = true;
    }
    const double now = now_seconds();
    if (had_input) g_active_until = now + kActiveAfterInputSeconds;
    // ImGui takes queued input a little each frame (1.90's input trickling: a key's press and
    // release, typed characters, in separate frames), so fast typing can leave some queued
    // after the half second: the loop goes on until ImGui has seen it all.
    const bool nothing_asked = !input_queued() && !g_app->wants_frames() && !g_frame_owed;
    if (now > g_active_until && nothing_asked && g_app->frames_drawn > 3) {
        if (const std::optional<double> due = g_app->next_frame_due()) mf::web::request_frame_at(*due);
        g_paused = true;
        emscripten_pause_main_loop();
        return;
    }
    if (!had_input && nothing_asked && now - g_last_frame < kQuietFrameSeconds) return;  // a quiet frame
    g_frame_owed = false;
    g_last_frame = now;

    // Crisp text on HiDPI: rasterize the font at the device pixel ratio (again if it changes).
    if (mf::load_fonts(static_cast<float>(emscripten_get_device_pixel_ratio()))) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
        g_drawn_hash.reset();  // same draw lists, new glyphs
        g_damage.reset();
    }

    // A frame that would draw what the canvas already shows is not drawn (gui/draw_data_hash.h);
    // one that changes it is run again until ImGui has settled, and only the last pass is
    // drawn (gui/frame_settle.h).
    mf::FrameSettle settle(g_drawn_hash);
    for (;;) {
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplSDL2_NewFrame();
        ImGui::NewFrame();
        g_app->frame();
        ImGui::Render();
        const uint64_t hash = mf::draw_data_hash(*ImGui::GetDrawData());
        const mf::FrameSettle::Next next = settle.after_pass(hash, now_seconds(), input_queued());
        if (next == mf::FrameSettle::Next::Skip) return;
        if (next == mf::FrameSettle::Next::Draw) {
            g_drawn_hash = hash;
            break;
        }
    }
    draw(*ImGui::GetDrawData());
    SDL_GL_SwapWindow(g_window);
    static bool first_drawn = false;
    if (!first_drawn) EM_ASM({ Module.mfFirstFrameMs = performance.now(); });
    first_drawn = true;
}

// A frame in a task of its own, as soon as the browser runs it, rather than at the next
// animation frame (up to 16.7 ms later, and the result would show one frame after that): for
// the first input after the page was idle, and for a result that arrived. The animation frame
// that follows finds nothing new and returns at once (a quiet frame).
int g_frame_now_timer = 0;
void frame_now() {
    if (g_frame_now_timer) return;
    g_frame_now_timer = emscripten_set_timeout(
        [](void*) {
            g_frame_now_timer = 0;
            frame();
        },
        0, nullptr);
}

// The main loop's animation frames, timed (gui/frame_clock.h): a worker's reply that arrives
// just before the next one is taken in just after it, so that frame is not delayed by it
// (except a run's last, below).
mf::FrameClock g_frame_clock;
// clang-format off
EM_JS(double, js_frame_time, (), {
    const t = document.timeline ? document.timeline.currentTime : null;
    return typeof t === 'number' ? t : performance.now();
});
// clang-format on
constexpr double kTakeInGuardMs = 4;  // an intermediate reply takes 2–3 ms to take in
bool g_take_in_owed = false;          // replies wait for the end of the next animation frame
bool g_result_ready_owed = false;     // ... and one of them completes a run
int g_take_in_timer = 0;

void take_in_replies();
void take_in_after(double ms) {
    if (g_take_in_timer) emscripten_clear_timeout(g_take_in_timer);
    g_take_in_timer = emscripten_set_timeout(
        [](void*) {
            g_take_in_timer = 0;
            take_in_replies();
        },
        ms, nullptr);
}

void animation_frame() {
    g_frame_clock.animation_frame(js_frame_time());
    frame();
    if (g_take_in_owed) take_in_after(0);  // a task after this frame's rendering
}

}  // namespace

namespace mf::web {
void wake() {
    g_active_until = now_seconds() + kActiveAfterInputSeconds;
    if (g_paused) frame_now();
    resume_loop();
}
void wake_with_paste() {
    g_paste_pending = true;
    wake();
}
void request_frame() {
    g_frame_owed = true;
    resume_loop();
}
void request_frame_at(double when) {
    if (g_frame_timer && g_frame_timer_due <= when) return;  // an earlier one is set
    if (g_frame_timer) emscripten_clear_timeout(g_frame_timer);
    g_frame_timer = 0;
    const double wait = when - now_seconds();
    if (wait <= 0) return request_frame();
    g_frame_timer_due = when;
    g_frame_timer = emscripten_set_timeout(
        [](void*) {
            g_frame_timer = 0;
            request_frame();
        },
        wait * 1000.0, nullptr);
}
// Through the timer even while the loop runs: it may pause before its next frame takes the
// reply (input over, nothing asked for), which would then wait for the run's next reply.
void request_frame_throttled(double min_interval) { request_frame_at(g_last_frame + min_interval); }
void worker_reply_arrived(bool result_ready) {
    g_result_ready_owed = g_result_ready_owed || result_ready;
    // Not a run's last reply: taken in now, it delays the next frame, but that frame then
    // shows the result (held, the result would show a frame later).
    const std::optional<double> left =
        g_paused || g_result_ready_owed ? std::nullopt : g_frame_clock.until_next(emscripten_get_now());
    if (left && *left < kTakeInGuardMs) {
        // After the next animation frame; or, should none come (the loop pauses first), once
        // it was due.
        if (!g_take_in_owed) take_in_after(*left + g_frame_clock.interval_ms());
        g_take_in_owed = true;
        hold_worker_replies(true);
        return;
    }
    take_in_replies();
}
}  // namespace mf::web

namespace {
void take_in_replies() {
    if (g_take_in_timer) emscripten_clear_timeout(g_take_in_timer);
    g_take_in_timer = 0;
    g_take_in_owed = false;
    mf::web::hold_worker_replies(false);
    const bool result_ready = g_result_ready_owed;
    g_result_ready_owed = false;
    mf::ArrivingReplies::absorb_arrived();
    if (!result_ready) return mf::web::request_frame_throttled(mf::kProgressRedrawSeconds);
    frame_now();
    mf::web::request_frame();
}
}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void mf_frame_after_input() {
    g_frame_after_input_pending = false;
    frame();
}

// The page is being hidden or closed (shell.html): write the last edit to the store now.
extern "C" EMSCRIPTEN_KEEPALIVE void mf_flush_autosave() {
    if (g_app) g_app->flush_autosave();
}

#ifdef MF_TEST_HOOKS
// Test hook: what the page shows, as JSON (browser tests read it through Module.ccall).
extern "C" EMSCRIPTEN_KEEPALIVE const char* mf_test_state() {
    static std::string state;
    state = g_app ? g_app->test_state_json() : "{}";
    return state.c_str();
}
// Test hook: one published value (gui/test_hooks.h), NaN when absent: what a benchmark
// polls every animation frame without building the whole state.
extern "C" EMSCRIPTEN_KEEPALIVE double mf_test_value(const char* name) {
    const auto it = mf::test_values().find(name);
    return it == mf::test_values().end() ? std::nan("") : it->second;
}
// Test hook: the next frame is drawn whole, as if nothing were on the canvas (what a partly
// drawn image is compared with).
extern "C" EMSCRIPTEN_KEEPALIVE void mf_test_redraw_whole() {
    g_drawn_hash.reset();
    g_damage.reset();
    mf::web::request_frame();
}
// Test hook: the Monte Carlo the Tolerances ("stack") or Timeline ("schedule") tab runs for
// the open plan, computed once in one call on the page's thread; its ms, NaN when there is
// none. tests/bench/edit_to_figure.mjs times it next to each edit, so that a ratio's two
// sides are measured in the same minute and the same browser.
extern "C" EMSCRIPTEN_KEEPALIVE double mf_test_time_kernel(const char* tool) {
    if (!g_app) return std::nan("");
    const std::string t = tool;
    const double t0 = emscripten_get_now();
    if (t == "stack") {
        const mf::StackView::MonteCarloInputs in = g_app->stack.mc_inputs();
        if (!mf::run_monte_carlo(in.stack, in.options).errors.empty()) return std::nan("");
    } else if (t == "schedule") {
        if (!g_app->schedule.analysis().cpm || !mf::run_schedule_monte_carlo(g_app->schedule.mc_inputs()).ok())
            return std::nan("");
    } else {
        return std::nan("");
    }
    return emscripten_get_now() - t0;
}
// Test hook: File › New plan (menus carry no anchors).
extern "C" EMSCRIPTEN_KEEPALIVE void mf_test_new_plan() {
    if (g_app) g_app->new_plan();
}
#endif

int main(int, char**) {
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        std::printf("SDL_Init failed: %s\n", SDL_GetError());
        return 1;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    double css_w = 1280, css_h = 800;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    // RESIZABLE + a CSS-sized canvas: SDL follows the page size; ALLOW_HIGHDPI: the drawable
    // is CSS size × devicePixelRatio.
    g_window =
        SDL_CreateWindow("MicroFab Planner", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, static_cast<int>(css_w),
                         static_cast<int>(css_h), SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    // The canvas keeps its pixels between frames, so a frame draws only what changed
    // (gui/damage_tiles.h). Emscripten's EGL takes its WebGL attributes from this object.
    EM_ASM({ EGL.contextAttributes.preserveDrawingBuffer = true; });
    SDL_GLContext gl = SDL_GL_CreateContext(g_window);
    if (!g_window || !gl) {
        std::printf("Could not create a WebGL2 context: %s\n", SDL_GetError());
        return 1;
    }
    SDL_GL_MakeCurrent(g_window, gl);
    g_canvas_kept = EM_ASM_INT({ return GLctx.getContextAttributes().preserveDrawingBuffer ? 1 : 0; }) != 0;

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui_ImplSDL2_InitForOpenGL(g_window, gl);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    ImGuiIO& io = ImGui::GetIO();
    io.SetClipboardTextFn = [](void*, const char* text) { mf::platform::set_clipboard_text(text); };
    io.GetClipboardTextFn = [](void*) { return mf::platform::clipboard_text(); };

    static mf::App app;
    g_app = &app;
    app.init();
    SDL_AddEventWatch(wake_on_event, nullptr);
    g_active_until = now_seconds() + 1.0;
    emscripten_set_main_loop(animation_frame, 0, false);
    return 0;
}
