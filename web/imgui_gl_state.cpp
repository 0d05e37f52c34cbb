// What ImGui's OpenGL3 backend reads of the GL state. Around every frame it draws, the backend
// saves the state it changes (14 glGetIntegerv, 6 glIsEnabled) and restores it afterwards, for
// apps that draw with GL themselves. This app draws nothing else, and in WebGL such a query can
// be a synchronous round trip to the GPU process: it waits there until the previous frame is
// rasterised. Without a GPU (SwiftShader) that took 50–150 ms a frame, with the page's thread
// blocked and the Web Workers' results waiting (issue 17). The backend is compiled with its
// queries renamed to these (CMakeLists.txt), which answer the state queries with GL's initial
// values at once and pass every other query (versions, limits, extensions) to WebGL. Restoring
// the initial state is harmless: the backend sets all it needs before each frame it draws,
// and web/main_web.cpp sets the viewport before it clears.
#include <GLES3/gl3.h>

extern "C" void mf_imgui_gl_get_integerv(GLenum pname, GLint* out) {
    switch (pname) {
        case GL_ACTIVE_TEXTURE: *out = GL_TEXTURE0; return;
        case GL_CURRENT_PROGRAM:
        case GL_TEXTURE_BINDING_2D:
        case GL_SAMPLER_BINDING:
        case GL_ARRAY_BUFFER_BINDING:
        case GL_ELEMENT_ARRAY_BUFFER_BINDING:
        case GL_VERTEX_ARRAY_BINDING: *out = 0; return;
        case GL_VIEWPORT:
        case GL_SCISSOR_BOX: out[0] = out[1] = out[2] = out[3] = 0; return;
        case GL_BLEND_SRC_RGB:
        case GL_BLEND_SRC_ALPHA: *out = GL_ONE; return;
        case GL_BLEND_DST_RGB:
        case GL_BLEND_DST_ALPHA: *out = GL_ZERO; return;
        case GL_BLEND_EQUATION_RGB:
        case GL_BLEND_EQUATION_ALPHA: *out = GL_FUNC_ADD; return;
        default: glGetIntegerv(pname, out);
    }
}

// Every capability starts disabled; the backend enables blending and the scissor test itself.
extern "C" GLboolean mf_imgui_gl_is_enabled(GLenum) { return GL_FALSE; }
