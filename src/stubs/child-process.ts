// Build-time stand-in for `node:child_process` inside commander, which needs it only for
// stand-alone executable subcommands (mls has none). Loading the real module pulls in
// net and dgram and costs several milliseconds of start-up on every run.
function unavailable(): never {
  throw new Error('child_process is not bundled into mls');
}
export const spawn = unavailable;
export const execFile = unavailable;
export default { spawn, execFile };
