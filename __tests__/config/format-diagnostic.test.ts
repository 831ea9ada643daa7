import { describe, expect, it } from '@jest/globals'
import { formatDiagnostic } from '../../src/config/format-diagnostic.js'
import type { Diagnostic } from '../../src/config/types.js'

describe('formatDiagnostic', () => {
  it.each<[string, Diagnostic, string]>([
    [
      'an error with column and field',
      { severity: 'error', file: '.github/aof/t.yaml', line: 12, column: 7, field: 'spec.type', message: 'spec.type must be GitHub' },
      '::error file=.github/aof/t.yaml,line=12,col=7,title=AOF config%3A spec.type::spec.type must be GitHub'
    ],
    [
      'a warning without column or field',
      { severity: 'warning', file: 'a.yaml', line: 1, message: 'no trigger' },
      '::warning file=a.yaml,line=1,title=AOF config::no trigger'
    ],
    [
      'a notice',
      { severity: 'notice', file: 'd.yaml', line: 3, column: 1, message: 'ignored in a job: server' },
      '::notice file=d.yaml,line=3,col=1,title=AOF config::ignored in a job: server'
    ],
    [
      'a message with %, CR and LF',
      { severity: 'error', file: 'a.yaml', line: 2, message: '100% wrong\r\nsecond line' },
      '::error file=a.yaml,line=2,title=AOF config::100%25 wrong%0D%0Asecond line'
    ],
    [
      'properties with , : and %',
      { severity: 'error', file: 'dir,x/a:b%.yaml', line: 2, field: 'spec.commands["/deploy staging, now"]', message: 'm' },
      '::error file=dir%2Cx/a%3Ab%25.yaml,line=2,title=AOF config%3A spec.commands["/deploy staging%2C now"]::m'
    ]
  ])('formats %s as a workflow command', (_name, diagnostic, expected) => {
    expect(formatDiagnostic(diagnostic)).toBe(expected)
  })

  it('keeps the whole command on one line whatever the message holds', () => {
    const line = formatDiagnostic({ severity: 'error', file: 'f\n.yaml', line: 1, message: 'a\nb\rc' })
    expect(line).not.toMatch(/[\r\n]/)
  })
})
