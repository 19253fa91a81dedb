#!/usr/bin/env python3
"""zxing-cpp (PyPI `zxing-cpp`) as a reader process for bench-qr, so both readers see the same
grey pixels in the same run.

Protocol on stdin/stdout, one image at a time: a line "WIDTH HEIGHT\n" followed by WIDTH*HEIGHT
bytes of 8-bit grey, row by row; the answer is one JSON line
{"ms": <time of the read_barcodes call only>, "codes": [{"text": ..., "corners": [[x, y] * 4]}]}
with corners top-left, top-right, bottom-right, bottom-left. Default settings (downscale,
rotate, invert on), QR Code formats only.
"""
import json
import sys
import time

import numpy as np
import zxingcpp

FORMATS = zxingcpp.BarcodeFormat.QRCode


def main() -> None:
    stdin, stdout = sys.stdin.buffer, sys.stdout
    stdout.write(json.dumps({"ready": True, "version": getattr(zxingcpp, "__version__", "")}) + "\n")
    stdout.flush()
    while True:
        header = stdin.readline()
        if not header:
            return
        width, height = map(int, header.split())
        data = stdin.read(width * height)
        image = np.frombuffer(data, dtype=np.uint8).reshape(height, width)
        start = time.perf_counter()
        found = zxingcpp.read_barcodes(image, formats=FORMATS)
        ms = (time.perf_counter() - start) * 1e3
        codes = []
        for b in found:
            p = b.position
            corners = [[c.x, c.y] for c in (p.top_left, p.top_right, p.bottom_right, p.bottom_left)]
            codes.append({"text": b.text, "corners": corners})
        stdout.write(json.dumps({"ms": ms, "codes": codes}) + "\n")
        stdout.flush()


if __name__ == "__main__":
    main()
