/** The JAX-RS application. */
package org.hozon.web;
