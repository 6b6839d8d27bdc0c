#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""validate-oci.py SCHEMA JSON: exit 0 when JSON is valid, else print why and exit 1."""
import json
import sys

import jsonschema

with open(sys.argv[1]) as f:
    schema = json.load(f)
with open(sys.argv[2]) as f:
    doc = json.load(f)
errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(doc), key=str)
for e in errors:
    print("%s: %s" % ("/".join(map(str, e.absolute_path)) or "(root)", e.message))
sys.exit(1 if errors else 0)
