/** `import css from './x.css?raw'`: the file's text (Vite in tests, an esbuild plugin in the build). */
declare module '*.css?raw' {
  const text: string;
  export default text;
}

/** `import log from './x.csv?raw'`: the file's text. */
declare module '*.csv?raw' {
  const text: string;
  export default text;
}
