import { testConfig } from '../../tools/wtr.config.mjs';

export default testConfig({ files: ['src/**/*.test.ts'] });
