/** The notification outbox and its channels (e-mail over SMTP; SMS/WhatsApp through an HTTP gateway). */
package id.gerai.notification;
