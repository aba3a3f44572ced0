/** Administration resources under /admin. */
package org.hozon.web.admin;
