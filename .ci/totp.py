#!/usr/bin/env python3
"""An authenticator app for the smoke test (RFC 6238: HMAC-SHA1, 30 s, 6 digits).
Usage: totp.py <base32-secret> [step-offset]"""
import base64
import hashlib
import hmac
import struct
import sys
import time

secret = sys.argv[1]
offset = int(sys.argv[2]) if len(sys.argv) > 2 else 0
key = base64.b32decode(secret + "=" * ((8 - len(secret) % 8) % 8))
digest = hmac.new(key, struct.pack(">Q", int(time.time()) // 30 + offset), hashlib.sha1).digest()
start = digest[-1] & 0x0F
print("%06d" % ((struct.unpack(">I", digest[start:start + 4])[0] & 0x7FFFFFFF) % 1000000))
