export { buildProgram, generateOpenApiText, main } from "./main.ts";
