export { buildProgram, buildProgramFor, main } from "./main.ts";
