import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

/**
 * A real pseudo-terminal: mls runs inside a detached tmux session; keys are typed once each prompt shows.
 * Each terminal has a tmux server of its own (`-L`): on a shared default server, a session started
 * while another test's last session closes can be lost with the exiting server.
 */
export class Terminal {
  private readonly name = `mls-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

  constructor(cwd: string, command: string) {
    const env = `HOME=${cwd} MLS_DATA_HOME=${cwd} TZ=UTC NO_COLOR=1 TERM=xterm`;
    spawnSync('tmux', [
      '-L',
      this.name,
      'new-session',
      '-d',
      '-s',
      this.name,
      '-x',
      '150',
      '-y',
      '50',
      `cd ${cwd} && env ${env} ${command}; echo EXIT=$?; sleep 30`,
    ]);
  }

  screen(): string {
    return spawnSync('tmux', ['-L', this.name, 'capture-pane', '-p', '-t', this.name, '-S', '-200'], {
      encoding: 'utf8',
    }).stdout;
  }

  async waitFor(text: string | RegExp, timeoutMs = 10_000): Promise<string> {
    const started = Date.now();
    for (;;) {
      const screen = this.screen();
      if (typeof text === 'string' ? screen.includes(text) : text.test(screen)) return screen;
      if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${text}; screen:\n${screen}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async answer(prompt: string | RegExp, keys: string[]): Promise<void> {
    await this.waitFor(prompt);
    await new Promise((r) => setTimeout(r, 80));
    spawnSync('tmux', ['-L', this.name, 'send-keys', '-t', this.name, ...keys]);
  }

  close(): void {
    spawnSync('tmux', ['-L', this.name, 'kill-server']);
    // tmux leaves the socket file of a server it killed.
    rmSync(join(process.env.TMUX_TMPDIR || '/tmp', `tmux-${process.getuid?.() ?? 0}`, this.name), { force: true });
  }
}
