// The module Web Worker of the shared pool (see run/worker-pool.ts): it serves the landscape tasks.
import { landscapeTasks } from './run/landscape-jobs.js';
import { tablePaceTask } from './run/table-pace-task.js';
import { serveTasks } from './run/worker-pool.js';

serveTasks({ ...landscapeTasks, 'gpu-table-pace': tablePaceTask });
