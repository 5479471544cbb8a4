// The packages only a terminal's output needs — cli-table3 (with
// @colors/colors and string-width) for aligned tables, chalk for colour — as
// one file of their own beside the read bundle (scripts/build.mjs): piped
// output and --json never load it, and a terminal loads it on the first table
// or colour. The renderers import the packages as usual; the build points
// those imports here.
export { Chalk } from 'chalk';
export { default as Table } from 'cli-table3';
