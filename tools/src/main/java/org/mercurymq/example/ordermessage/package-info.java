/** Examples: ordermessage. */
package org.mercurymq.example.ordermessage;
