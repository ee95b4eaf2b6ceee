#!/usr/bin/env node
// The `maillage` command: TypeScript sources run through tsx, no build step needed.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
