/** The name server: configuration, composition root ({@link org.mercurymq.namesrv.NamesrvController}) and main. */
package org.mercurymq.namesrv;
