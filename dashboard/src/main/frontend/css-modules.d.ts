// Lets TypeScript accept side-effect imports of plain stylesheets (uPlot's CSS).
declare module '*.css';
