#!/usr/bin/env python3
"""zxing-cpp as a side-by-side peer for bench-qr.

bench-qr starts this once and sends it the SAME grey pixels it gives our reader, so the two are
compared on identical input and only the decoder call is timed (no file decoding, no conversion).

Protocol (stdin → stdout, one image at a time):
  in:  an ASCII line "WIDTH HEIGHT\n", then WIDTH*HEIGHT bytes of 8-bit grey, row by row.
  out: one JSON line {"ms": <decoder call in ms>, "codes": [{"bytes": "<hex>", "corners": [[x,y]×4]}]}
An empty line or end of input ends the run. The first output line is {"peer": "zxing-cpp", "version": …}.

Options: --fast turns off zxing-cpp's downscale, rotate and invert retries (its "fast" mode).
Install: pip install zxing-cpp (PyPI).
"""
import json
import sys
import time

import numpy as np
import zxingcpp


def main() -> int:
    fast = "--fast" in sys.argv[1:]
    try:
        from importlib.metadata import version
        peer_version = version("zxing-cpp")
    except Exception:  # noqa: BLE001 — a version string is informative only
        peer_version = "unknown"
    out = sys.stdout
    out.write(json.dumps({"peer": "zxing-cpp", "version": peer_version, "fast": fast}) + "\n")
    out.flush()
    source = sys.stdin.buffer
    while True:
        header = source.readline()
        if not header or not header.strip():
            return 0
        width, height = (int(v) for v in header.split())
        pixels = source.read(width * height)
        if len(pixels) != width * height:
            sys.stderr.write(f"zxing_peer: short image: {len(pixels)} of {width * height} bytes\n")
            return 2
        image = np.frombuffer(pixels, dtype=np.uint8).reshape(height, width)
        options = dict(formats=zxingcpp.BarcodeFormat.QRCode)
        if fast:
            options.update(try_rotate=False, try_downscale=False, try_invert=False)
        start = time.perf_counter_ns()
        results = zxingcpp.read_barcodes(image, **options)
        elapsed_ms = (time.perf_counter_ns() - start) / 1e6
        codes = []
        for r in results:
            p = r.position
            corners = [[p.top_left.x, p.top_left.y], [p.top_right.x, p.top_right.y],
                       [p.bottom_right.x, p.bottom_right.y], [p.bottom_left.x, p.bottom_left.y]]
            codes.append({"bytes": bytes(r.bytes).hex(), "corners": corners})
        out.write(json.dumps({"ms": elapsed_ms, "codes": codes}) + "\n")
        out.flush()


if __name__ == "__main__":
    sys.exit(main())
