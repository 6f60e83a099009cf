// The module Web Worker of the shared pool (see run/worker-pool.ts): it serves the landscape tasks
// and the GPU probes.
import { landscapeTasks } from './run/landscape-jobs.js';
import { gpuProbeTasks } from './run/gpu-probe-tasks.js';
import { serveTasks } from './run/worker-pool.js';

serveTasks({ ...landscapeTasks, ...gpuProbeTasks });
