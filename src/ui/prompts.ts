/**
 * Every interactive prompt lives here, and this module is imported lazily:
 * @inquirer/prompts costs start-up time that non-interactive runs should not pay.
 * Commands talk to a `Prompter`, so tests can answer with a script.
 */
import confirm from '@inquirer/confirm';
import input from '@inquirer/input';
import select from '@inquirer/select';

export interface InputOptions {
  default?: string;
  /** true, or what is wrong with the answer; the question is asked again until it is true. */
  validate?: (value: string) => true | string;
  /** What the answer is read as (`Jan 19` -> `2027-01-19`), shown beside it once given. */
  preview?: (value: string) => string | undefined;
}

export interface Prompter {
  input(message: string, options?: InputOptions): Promise<string>;
  confirm(message: string, fallback: boolean): Promise<boolean>;
  select<T>(message: string, choices: { name: string; value: T }[], fallback?: T): Promise<T>;
}

export const inquirerPrompter: Prompter = {
  input: (message, options = {}) =>
    input({
      message,
      default: options.default,
      validate: options.validate,
      transformer: (value, { isFinal }) => {
        const shown = isFinal ? options.preview?.(value) : undefined;
        return shown && shown !== value ? `${value} (${shown})` : value;
      },
    }),
  confirm: (message, fallback) => confirm({ message, default: fallback }),
  select: (message, choices, fallback) => select({ message, choices, default: fallback, pageSize: 12 }),
};

export async function chooseOne<T>(message: string, choices: { name: string; value: T }[]): Promise<T> {
  return select({ message, choices, pageSize: 12 });
}
