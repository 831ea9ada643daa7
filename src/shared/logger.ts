// Where every stage reports what it does: the runner's log levels, nothing more.
export interface Logger {
  debug(message: string): void
  info(message: string): void
  warning(message: string): void
}
