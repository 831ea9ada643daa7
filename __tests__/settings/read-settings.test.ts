import { describe, expect, it } from '@jest/globals'
import { readSettings, SettingsError } from '../../src/settings/read-settings.js'

const read = (inputs: Record<string, string>) => readSettings((name) => inputs[name] ?? '', {})

describe('state-key and app-slug', () => {
  it('reads them, empty by default', () => {
    expect(read({})).toMatchObject({ stateKey: '', appSlug: '' })
    expect(read({ 'state-key': 'k'.repeat(32), 'app-slug': 'my-app[bot]' })).toMatchObject({ stateKey: 'k'.repeat(32), appSlug: 'my-app' })
  })

  it('refuses a state-key too short to be a secret, without printing it', () => {
    expect(() => read({ 'state-key': 'hunter2' })).toThrow(SettingsError)
    expect(() => read({ 'state-key': 'hunter2' })).toThrow(/at least 16 characters.*got 7$/)
  })

  it('refuses an app-slug that is not a slug', () => {
    expect(() => read({ 'app-slug': 'my app' })).toThrow(/Input 'app-slug' must be a GitHub App's slug/)
  })
})
