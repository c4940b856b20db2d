/** The notification outbox and its channels (e-mail over SMTP; SMS/WhatsApp gateways later). */
package id.gerai.notification;
