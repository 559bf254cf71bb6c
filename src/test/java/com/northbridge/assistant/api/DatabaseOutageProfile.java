package com.northbridge.assistant.api;

import java.util.ArrayList;
import java.util.List;

import com.northbridge.assistant.chat.RemoteModelProfile;

/** The service on the stub model (whose delays give a test time to act mid-turn) with its database behind a cuttable relay. */
public class DatabaseOutageProfile extends RemoteModelProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        List<TestResourceEntry> resources = new ArrayList<>(super.testResources());
        resources.add(new TestResourceEntry(DatabaseProxy.class));
        return resources;
    }
}
