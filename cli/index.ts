#!/usr/bin/env node
/** The `samnytta` bin: the only place that calls process.exit. */
import { dispatch } from './dispatch.js';
import { stdoutStreamUsed } from './io.js';

// Exit once stdout has flushed: on a pipe writes are asynchronous, and exiting at once cut long JSON.
// (A plain calc wrote its output synchronously and never opened the stream; see cli/io.ts.)
dispatch(process.argv.slice(2)).then((code) => (stdoutStreamUsed() ? process.stdout.write('', () => process.exit(code)) : process.exit(code)));
