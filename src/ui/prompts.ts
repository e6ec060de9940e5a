/**
 * Every interactive prompt lives here, and this module is imported lazily:
 * @inquirer/prompts costs start-up time that non-interactive runs should not pay.
 */
import { select } from '@inquirer/prompts';

export async function chooseOne<T>(message: string, choices: { name: string; value: T }[]): Promise<T> {
  return select({ message, choices, pageSize: 12 });
}
