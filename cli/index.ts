#!/usr/bin/env node
/** The `samnytta` bin: the only place that calls process.exit. */
import { hideBin } from 'yargs/helpers';
import { run } from './main.js';

run(hideBin(process.argv)).then((code) => process.exit(code));
