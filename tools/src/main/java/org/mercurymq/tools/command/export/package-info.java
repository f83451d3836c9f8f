/** mqadmin commands that write cluster metadata and configuration to files: exportMetadata, exportConfigs. */
package org.mercurymq.tools.command.export;
