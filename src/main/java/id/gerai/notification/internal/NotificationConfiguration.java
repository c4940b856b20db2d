package id.gerai.notification.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({NotificationProperties.class, MailSettings.class, GatewaySettings.class})
class NotificationConfiguration {
}
