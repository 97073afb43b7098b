"""Decoding PNG screenshots and comparing them loosely, with the standard
library only (zlib): enough for the 8-bit RGB/RGBA, non-interlaced images
Chromium writes. The comparison works on a coarse grey-scale grid so that a
different font version or anti-aliasing moves it little, while a missing
section, a broken stylesheet or a changed layout moves it a lot."""
import struct
import zlib


def decode(data):
    """(width, height, channels, rows of bytes) of an 8-bit PNG."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    pos, idat, width = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
            if depth != 8 or color not in (2, 6) or interlace:
                raise ValueError(f"unsupported PNG: depth {depth}, colour type {color}, interlace {interlace}")
            channels = 3 if color == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        elif kind == b"IEND":
            break
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 255
        elif kind == 2:
            line = bytearray((a + b) & 255 for a, b in zip(line, prev))
        elif kind == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
        elif kind == 4:
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b, c = prev[i], prev[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        elif kind != 0:
            raise ValueError(f"bad PNG filter {kind} on row {y}")
        rows.append(bytes(line))
        prev = line
    return width, height, channels, rows


def grid(data, cell=16):
    """Mean grey level of each cell×cell block: a list of rows."""
    width, height, channels, rows = decode(data)
    out = []
    for y0 in range(0, height - cell + 1, cell):
        sums = [0] * (width // cell)
        for y in range(y0, y0 + cell):
            row = rows[y]
            for bx in range(width // cell):
                seg = row[bx * cell * channels:(bx + 1) * cell * channels]
                # green carries most of the luminance; enough for a layout check
                sums[bx] += sum(seg[1::channels])
        out.append([s // (cell * cell) for s in sums])
    return out


def difference(a, b):
    """(mean absolute grey difference, share of cells differing by more than
    48 levels) between two PNG images; (255, 1.0) when their sizes differ."""
    ga, gb = grid(a), grid(b)
    if len(ga) != len(gb) or (ga and len(ga[0]) != len(gb[0])):
        return 255.0, 1.0
    diffs = [abs(x - y) for ra, rb in zip(ga, gb) for x, y in zip(ra, rb)]
    if not diffs:
        return 0.0, 0.0
    return sum(diffs) / len(diffs), sum(d > 48 for d in diffs) / len(diffs)
