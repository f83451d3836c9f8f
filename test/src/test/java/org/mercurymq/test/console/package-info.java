/**
 * The web console (docs/console.md) against a live Mercury cluster in child JVMs: its JSON API, and its pages in
 * headless Chromium driven by Selenium.
 */
package org.mercurymq.test.console;
