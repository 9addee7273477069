-- One database per service and one for the gateway, owned by the platform's user (run once, when the PostgreSQL
-- volume is new; on an older volume, create the gateway's by hand: CREATE DATABASE gateway;).
CREATE DATABASE proposals;
CREATE DATABASE participation;
CREATE DATABASE commissioning;
CREATE DATABASE outcomes;
CREATE DATABASE audit;
CREATE DATABASE gateway;
