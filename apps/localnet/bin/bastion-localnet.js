#!/usr/bin/env node
// Installed before the package is built, so the command exists at install time; runs the built CLI.
import "../dist/cli.js";
