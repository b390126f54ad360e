/// <reference types="vite/client" />
// Types for what Vite handles at build time (CSS imports, import.meta.env) in both pages.
