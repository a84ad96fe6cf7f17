/** A problem with the files or options given to dedupe/link, told in English and Chinese. */
export class LinkageInputError extends Error {
  readonly messageZh: string;

  constructor(message: string, messageZh: string) {
    super(message);
    this.name = 'LinkageInputError';
    this.messageZh = messageZh;
  }
}
