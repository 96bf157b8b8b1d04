// The fit tests' shared setup: the example workspace, the deck templates, and
// one page of real Chromium at 1280×720 with print media, which lays every
// slide out as the PDF does. Each fit test file opens it once before its tests
// (and closes its browser manager after them).
import type { Page } from 'puppeteer-core'
import type { BrowserManager } from '../../src/browser/manager.js'
import { loadTemplates, type TemplateSet } from '../../src/deck/templates.js'
import { loadWorkspace, type Workspace } from '../../src/workspace/load.js'
import { REPO_ROOT } from './cli.js'

export interface FitPage {
  readonly page: Page
  readonly workspace: Workspace
  readonly templates: TemplateSet
}

export async function openFitPage(manager: BrowserManager): Promise<FitPage> {
  const [workspace, templates, page] = await Promise.all([loadWorkspace(REPO_ROOT), loadTemplates(), manager.newPage()])
  await page.setViewport({ width: 1280, height: 720 })
  await page.emulateMediaType('print')
  return { page, workspace, templates }
}
