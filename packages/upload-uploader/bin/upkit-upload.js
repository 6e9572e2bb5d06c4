#!/usr/bin/env node
// A committed shim, so that npm links the bin at install time, before `dist/` is built.
import '../dist/cli.js';
