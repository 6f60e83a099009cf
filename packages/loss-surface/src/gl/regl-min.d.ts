// regl's minified build (start-regl.ts loads it) has the types of the package's main entry.
declare module 'regl/dist/regl.min.js' {
  import createREGL from 'regl';
  export default createREGL;
}
