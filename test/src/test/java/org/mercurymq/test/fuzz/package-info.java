/**
 * Coverage-guided fuzzing (Jazzer) of the decoders that read untrusted bytes: frames, remoting headers,
 * stored records, batches and property strings (docs/reliability.md, "Hostile input"). The fuzz tests
 * run in the chaos profile; their findings are kept as plain regression tests.
 */
package org.mercurymq.test.fuzz;
