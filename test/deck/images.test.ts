// The slide images' names: three digits so they sort, more once a deck has more than 999 slides.
import { describe, expect, it } from 'vitest'
import { imageName } from '../../src/deck/images.js'

describe('imageName', () => {
  it('numbers from 001 with three digits', () => {
    expect(imageName(0, 24)).toBe('slides/deck.001.png')
    expect(imageName(23, 24)).toBe('slides/deck.024.png')
    expect(imageName(998, 999)).toBe('slides/deck.999.png')
  })

  it('uses as many digits as the last number needs past 999, for every slide', () => {
    expect(imageName(0, 1000)).toBe('slides/deck.0001.png')
    expect(imageName(999, 1000)).toBe('slides/deck.1000.png')
    expect(imageName(41, 12_345)).toBe('slides/deck.00042.png')
  })
})
