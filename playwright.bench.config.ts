import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// Benchmarks print figures; they are not tests and are not run by scripts/test.
export default defineConfig({ ...base, testDir: 'tests/bench', testMatch: '*.bench.ts', timeout: 300_000 });
