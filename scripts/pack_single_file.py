#!/usr/bin/env python3
"""Packs emcc's three outputs (page, JS glue, .wasm) into the one self-contained HTML file
the product ships: dist/microfab-planner.html, which opens from a server or from file://.

    pack_single_file.py microfab-planner.html microfab-planner.js microfab-planner.wasm OUT.html

Why not emcc's -sSINGLE_FILE: it embeds the .wasm as plain base64 (4/3 of the binary).
Here the .wasm is gzip-compressed first and base64-encoded into a non-executed
<script type="application/octet-stream" id="mf-wasm-gz"> element; shell.html's
Module.instantiateWasm decompresses it with the browser's DecompressionStream('gzip') and
instantiates it. That makes the file less than half the SINGLE_FILE size, which is what
lets the numeric kernels be compiled for speed (-O3) and still keep the file small.
The JS glue is inlined in place of the <script src> tag emcc wrote for {{{ SCRIPT }}}, as
<script id="mf-glue">: shell.html's Web Workers run the same glue text with their own
instance of the module.
"""
import base64
import gzip
import re
import sys


def main(argv):
    if len(argv) != 5:
        sys.exit(__doc__)
    page_path, js_path, wasm_path, out_path = argv[1:]
    page = open(page_path, encoding="utf-8").read()
    js = open(js_path, encoding="utf-8").read()
    wasm = open(wasm_path, "rb").read()

    # mtime=0: the same input gives the same file, byte for byte.
    packed = base64.b64encode(gzip.compress(wasm, compresslevel=9, mtime=0)).decode("ascii")
    # A literal "</script" inside the inlined glue would end the element early.
    js = js.replace("</script", "<\\/script")

    tag = re.compile(r'<script[^>]*\bsrc="?[^">]*\.js"?[^>]*>\s*</script>')
    found = tag.findall(page)
    if len(found) != 1:
        sys.exit(f"pack_single_file: expected one <script src=...js> in {page_path}, found {len(found)}")
    payload = (f'<script type="application/octet-stream" id="mf-wasm-gz">{packed}</script>\n'
               f"<script id=\"mf-glue\">\n{js}\n</script>")
    page = tag.sub(lambda _m: payload, page)

    with open(out_path, "w", encoding="utf-8") as f:
        f.write(page)
    print(f"packed {out_path}: {len(page.encode('utf-8'))} bytes (wasm {len(wasm)} bytes, gzip+base64 {len(packed)})")


if __name__ == "__main__":
    main(sys.argv)
