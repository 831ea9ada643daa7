// Real processes: a timeout or a cancel kills the program and whatever it started.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { createProcessRunner } from '../../src/workspace/process-runner.js'

const SH = '/bin/sh'
const base = { cwd: tmpdir(), env: { PATH: process.env.PATH ?? '/usr/bin:/bin' }, maxOutputBytes: 1024 }

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function waitFor(check: () => boolean, ms = 3000): Promise<boolean> {
  const until = Date.now() + ms
  while (Date.now() < until) {
    if (check()) return true
    await new Promise((r) => setTimeout(r, 20))
  }
  return check()
}

/** A shell that starts a grandchild (sleep), writes its pid, then waits forever. */
function grandchildScript(dir: string): string {
  return `sleep 30 & echo $! > ${join(dir, 'grandchild.pid')}; echo started; wait`
}

describe('createProcessRunner', () => {
  it('runs a program without a shell, with only the environment given', async () => {
    const runner = createProcessRunner()
    const end = await runner.run({ ...base, program: '/usr/bin/env', args: [], timeoutMs: 5000 })
    expect(end.exitCode).toBe(0)
    expect(end.output.trim().split('\n')).toEqual([`PATH=${base.env.PATH}`])
  })

  it('passes arguments as written: no shell re-reads them', async () => {
    const runner = createProcessRunner()
    const end = await runner.run({ ...base, program: '/bin/echo', args: ['$(id)', '; rm -rf /', '`x`'], timeoutMs: 5000 })
    expect(end.output).toBe('$(id) ; rm -rf / `x`\n')
  })

  it('kills the process group on timeout: the grandchild dies too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'runner-'))
    const runner = createProcessRunner()
    const end = await runner.run({ ...base, program: SH, args: ['-c', grandchildScript(dir)], timeoutMs: 300 })
    expect(end.timedOut).toBe(true)
    expect(end.output).toContain('started')
    const grandchild = Number(readFileSync(join(dir, 'grandchild.pid'), 'utf8'))
    expect(grandchild).toBeGreaterThan(0)
    expect(await waitFor(() => !alive(grandchild))).toBe(true)
  })

  it('kills what a program left running when it exits', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'runner-'))
    const runner = createProcessRunner()
    const end = await runner.run({ ...base, program: SH, args: ['-c', `sleep 30 & echo $! > ${join(dir, 'grandchild.pid')}; exit 3`], timeoutMs: 5000 })
    expect(end.exitCode).toBe(3)
    const grandchild = Number(readFileSync(join(dir, 'grandchild.pid'), 'utf8'))
    expect(await waitFor(() => !alive(grandchild))).toBe(true)
    expect(end.durationMs).toBeLessThan(5000)
  })

  it('kills every running group when the job is cancelled, and starts nothing after', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'runner-'))
    const runner = createProcessRunner()
    const running = runner.run({ ...base, program: SH, args: ['-c', grandchildScript(dir)], timeoutMs: 60_000 })
    expect(await waitFor(() => existsSync(join(dir, 'grandchild.pid')) && readFileSync(join(dir, 'grandchild.pid'), 'utf8').trim() !== '')).toBe(true)
    runner.killAll()
    const end = await running
    expect(end.cancelled).toBe(true)
    expect(end.signal).toBe('SIGKILL')
    const grandchild = Number(readFileSync(join(dir, 'grandchild.pid'), 'utf8'))
    expect(await waitFor(() => !alive(grandchild))).toBe(true)
    const after = await runner.run({ ...base, program: '/bin/echo', args: ['x'], timeoutMs: 5000 })
    expect(after.error).toContain('cancelled')
  })

  it('keeps the tail of a long output and counts what it dropped', async () => {
    const runner = createProcessRunner()
    const end = await runner.run({
      ...base,
      program: SH,
      args: ['-c', 'i=0; while [ $i -lt 500 ]; do echo line$i; i=$((i+1)); done; echo LAST'],
      timeoutMs: 5000
    })
    expect(Buffer.byteLength(end.output)).toBe(1024)
    expect(end.output.endsWith('line499\nLAST\n')).toBe(true)
    expect(end.droppedBytes).toBeGreaterThan(2000)
  })

  it('says a missing program was not found', async () => {
    const runner = createProcessRunner()
    const end = await runner.run({ ...base, program: '/nonexistent/kubectl', args: ['get'], timeoutMs: 5000 })
    expect(end.error).toBe('/nonexistent/kubectl was not found')
  })
})
