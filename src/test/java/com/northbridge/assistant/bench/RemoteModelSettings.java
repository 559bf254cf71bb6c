package com.northbridge.assistant.bench;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;

import com.northbridge.assistant.chat.AssistantConfig;

/**
 * The service's own settings with the chat model at a local stub, as assistant.model.provider=openai sets
 * it, for benchmarks that build the service's model clients (AnswerStreamer, GuardedRemoteModel) themselves
 * inside one running application instead of restarting it with another profile.
 */
final class RemoteModelSettings {

    private RemoteModelSettings() {
    }

    static AssistantConfig at(AssistantConfig config, String baseUrl, String modelName) {
        AssistantConfig.Model model = overriding(AssistantConfig.Model.class, config.model(), Map.of(
                "provider", AssistantConfig.Model.Provider.OPENAI,
                "baseUrl", Optional.of(baseUrl),
                "apiKey", Optional.of("bench"),
                "modelName", modelName));
        return overriding(AssistantConfig.class, config, Map.of("model", model));
    }

    private static <T> T overriding(Class<T> type, T real, Map<String, Object> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> values.containsKey(method.getName()) ? values.get(method.getName()) : method.invoke(real, args)));
    }
}
