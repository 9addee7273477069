-- One database per service, owned by the platform's user (run once, when the PostgreSQL volume is new).
CREATE DATABASE proposals;
CREATE DATABASE participation;
CREATE DATABASE commissioning;
CREATE DATABASE outcomes;
CREATE DATABASE audit;
