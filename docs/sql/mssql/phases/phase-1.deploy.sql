-- Phase 1 deploy script for SQL Server, idempotent: every statement is guarded
-- by `django_migrations`, so the script can run again after a stop or a failure.
-- Rendered offline by `manage.py plan ddl --vendor mssql`. Do not edit; re-render.
-- Run with `sqlcmd -b -I -i <file>` so that the first error stops the script.
SET ANSI_NULLS ON;
SET ANSI_PADDING ON;
SET ANSI_WARNINGS ON;
SET ARITHABORT ON;
SET CONCAT_NULL_YIELDS_NULL ON;
SET NUMERIC_ROUNDABORT OFF;
SET QUOTED_IDENTIFIER ON;
SET XACT_ABORT ON;
GO
IF OBJECT_ID(N'[django_migrations]', N'U') IS NULL
    CREATE TABLE [django_migrations] ([id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [app] nvarchar(255) NOT NULL, [name] nvarchar(255) NOT NULL, [applied] datetimeoffset NOT NULL);
GO
-- contenttypes.0001_initial (plan item -)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'contenttypes' AND [name] = N'0001_initial')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'contenttypes' AND [name] = N'0001_initial')
BEGIN
    EXEC(N'CREATE TABLE [django_content_type] ([id] int NOT NULL PRIMARY KEY IDENTITY (1, 1), [name] nvarchar(100) NOT NULL, [app_label] nvarchar(100) NOT NULL, [model] nvarchar(100) NOT NULL)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'contenttypes' AND [name] = N'0001_initial')
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [django_content_type_app_label_model_76bd3d3b_uniq] ON [django_content_type] ([app_label], [model]) WHERE [app_label] IS NOT NULL AND [model] IS NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'contenttypes' AND [name] = N'0001_initial')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'contenttypes', N'0001_initial', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- contenttypes.0002_remove_content_type_name (plan item -)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'contenttypes' AND [name] = N'0002_remove_content_type_name')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'contenttypes' AND [name] = N'0002_remove_content_type_name')
BEGIN
    EXEC(N'ALTER TABLE [django_content_type] ALTER COLUMN [name] nvarchar(100) NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'contenttypes' AND [name] = N'0002_remove_content_type_name')
BEGIN
    EXEC(N'ALTER TABLE [django_content_type] DROP COLUMN [name]');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'contenttypes' AND [name] = N'0002_remove_content_type_name')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'contenttypes', N'0002_remove_content_type_name', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- auth.0001_initial (plan item -)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'auth' AND [name] = N'0001_initial')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'auth' AND [name] = N'0001_initial')
BEGIN
    EXEC(N'CREATE TABLE [auth_permission] ([id] int NOT NULL PRIMARY KEY IDENTITY (1, 1), [name] nvarchar(50) NOT NULL, [content_type_id] int NOT NULL, [codename] nvarchar(100) NOT NULL)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'auth' AND [name] = N'0001_initial')
BEGIN
    EXEC(N'CREATE TABLE [auth_group] ([id] int NOT NULL PRIMARY KEY IDENTITY (1, 1), [name] nvarchar(80) NOT NULL UNIQUE)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'auth' AND [name] = N'0001_initial')
BEGIN
    EXEC(N'CREATE TABLE [auth_group_permissions] ([id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [group_id] int NOT NULL, [permission_id] int NOT NULL)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'auth' AND [name] = N'0001_initial')
BEGIN
    EXEC(N'CREATE INDEX [auth_group_permissions_group_id_b120cbf9] ON [auth_group_permissions] ([group_id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'auth' AND [name] = N'0001_initial')
BEGIN
    EXEC(N'CREATE INDEX [auth_group_permissions_permission_id_84c5c92e] ON [auth_group_permissions] ([permission_id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'auth' AND [name] = N'0001_initial')
BEGIN
    EXEC(N'CREATE INDEX [auth_permission_content_type_id_2f476e4b] ON [auth_permission] ([content_type_id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'auth' AND [name] = N'0001_initial')
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [auth_group_permissions_group_id_permission_id_0cd325b0_uniq] ON [auth_group_permissions] ([group_id], [permission_id]) WHERE [group_id] IS NOT NULL AND [permission_id] IS NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'auth' AND [name] = N'0001_initial')
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [auth_permission_content_type_id_codename_01ab375a_uniq] ON [auth_permission] ([content_type_id], [codename]) WHERE [content_type_id] IS NOT NULL AND [codename] IS NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'auth' AND [name] = N'0001_initial')
BEGIN
    EXEC(N'ALTER TABLE [auth_group_permissions] ADD CONSTRAINT [auth_group_permissions_group_id_b120cbf9_fk_auth_group_id] FOREIGN KEY ([group_id]) REFERENCES [auth_group] ([id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'auth' AND [name] = N'0001_initial')
BEGIN
    EXEC(N'ALTER TABLE [auth_group_permissions] ADD CONSTRAINT [auth_group_permissions_permission_id_84c5c92e_fk_auth_permission_id] FOREIGN KEY ([permission_id]) REFERENCES [auth_permission] ([id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'auth' AND [name] = N'0001_initial')
BEGIN
    EXEC(N'ALTER TABLE [auth_permission] ADD CONSTRAINT [auth_permission_content_type_id_2f476e4b_fk_django_content_type_id] FOREIGN KEY ([content_type_id]) REFERENCES [django_content_type] ([id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'auth' AND [name] = N'0001_initial')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'auth', N'0001_initial', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- auth.0002_alter_permission_name_max_length (plan item -)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'auth' AND [name] = N'0002_alter_permission_name_max_length')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'auth' AND [name] = N'0002_alter_permission_name_max_length')
BEGIN
    EXEC(N'ALTER TABLE [auth_permission] ALTER COLUMN [name] nvarchar(255) NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'auth' AND [name] = N'0002_alter_permission_name_max_length')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'auth', N'0002_alter_permission_name_max_length', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- auth.0003_alter_user_email_max_length (plan item -)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'auth' AND [name] = N'0003_alter_user_email_max_length')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'auth' AND [name] = N'0003_alter_user_email_max_length')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'auth', N'0003_alter_user_email_max_length', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- auth.0004_alter_user_username_opts (plan item -)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'auth' AND [name] = N'0004_alter_user_username_opts')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'auth' AND [name] = N'0004_alter_user_username_opts')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'auth', N'0004_alter_user_username_opts', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- auth.0005_alter_user_last_login_null (plan item -)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'auth' AND [name] = N'0005_alter_user_last_login_null')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'auth' AND [name] = N'0005_alter_user_last_login_null')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'auth', N'0005_alter_user_last_login_null', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- auth.0006_require_contenttypes_0002 (plan item -)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'auth' AND [name] = N'0006_require_contenttypes_0002')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'auth' AND [name] = N'0006_require_contenttypes_0002')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'auth', N'0006_require_contenttypes_0002', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- auth.0007_alter_validators_add_error_messages (plan item -)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'auth' AND [name] = N'0007_alter_validators_add_error_messages')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'auth' AND [name] = N'0007_alter_validators_add_error_messages')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'auth', N'0007_alter_validators_add_error_messages', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- auth.0008_alter_user_username_max_length (plan item -)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'auth' AND [name] = N'0008_alter_user_username_max_length')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'auth' AND [name] = N'0008_alter_user_username_max_length')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'auth', N'0008_alter_user_username_max_length', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- auth.0009_alter_user_last_name_max_length (plan item -)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'auth' AND [name] = N'0009_alter_user_last_name_max_length')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'auth' AND [name] = N'0009_alter_user_last_name_max_length')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'auth', N'0009_alter_user_last_name_max_length', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- auth.0010_alter_group_name_max_length (plan item -)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'auth' AND [name] = N'0010_alter_group_name_max_length')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'auth' AND [name] = N'0010_alter_group_name_max_length')
BEGIN
    EXEC(N'DECLARE @dj_drop_1 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [auth_group] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.key_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[auth_group]'') AND c.type = ''UQ'' AND (SELECT STRING_AGG(COL_NAME(ic.object_id, ic.column_id), N'','') WITHIN GROUP (ORDER BY ic.key_ordinal) FROM sys.index_columns AS ic WHERE ic.object_id = c.parent_object_id AND ic.index_id = c.unique_index_id) = N''name'');
IF @dj_drop_1 IS NOT NULL EXEC sp_executesql @dj_drop_1');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'auth' AND [name] = N'0010_alter_group_name_max_length')
BEGIN
    EXEC(N'ALTER TABLE [auth_group] ALTER COLUMN [name] nvarchar(150) NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'auth' AND [name] = N'0010_alter_group_name_max_length')
BEGIN
    EXEC(N'ALTER TABLE [auth_group] ADD CONSTRAINT [auth_group_name_a6ea08ec_uniq] UNIQUE ([name])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'auth' AND [name] = N'0010_alter_group_name_max_length')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'auth', N'0010_alter_group_name_max_length', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- auth.0011_update_proxy_permissions (plan item -)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'auth' AND [name] = N'0011_update_proxy_permissions')
    THROW 50001, N'auth.0011_update_proxy_permissions runs Python (update_proxy_model_permissions): apply it with manage.py migrate auth 0011_update_proxy_permissions, then run this script again.', 1;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'auth' AND [name] = N'0011_update_proxy_permissions')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'auth' AND [name] = N'0011_update_proxy_permissions')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'auth', N'0011_update_proxy_permissions', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- auth.0012_alter_user_first_name_max_length (plan item -)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'auth' AND [name] = N'0012_alter_user_first_name_max_length')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'auth' AND [name] = N'0012_alter_user_first_name_max_length')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'auth', N'0012_alter_user_first_name_max_length', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- accounts.0001_baseline_identity (plan item 000)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0001_baseline_identity')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0001_baseline_identity')
BEGIN
    EXEC(N'CREATE TABLE [Users] ([Id] nvarchar(450) NOT NULL PRIMARY KEY, [UserName] nvarchar(256) NULL, [NormalizedUserName] nvarchar(256) NULL, [Email] nvarchar(256) NULL, [NormalizedEmail] nvarchar(256) NULL, [EmailConfirmed] bit NOT NULL, [PasswordHash] nvarchar(max) NULL, [SecurityStamp] nvarchar(max) NULL, [ConcurrencyStamp] nvarchar(max) NULL, [PhoneNumber] nvarchar(max) NULL, [PhoneNumberConfirmed] bit NOT NULL, [TwoFactorEnabled] bit NOT NULL, [LockoutEnd] datetimeoffset NULL, [LockoutEnabled] bit NOT NULL, [AccessFailedCount] int NOT NULL)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0001_baseline_identity')
BEGIN
    EXEC(N'CREATE TABLE [Roles] ([Id] int NOT NULL PRIMARY KEY IDENTITY (1, 1), [Name] nvarchar(256) NULL, [NormalizedName] nvarchar(256) NULL, [ConcurrencyStamp] nvarchar(max) NULL)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0001_baseline_identity')
BEGIN
    EXEC(N'CREATE TABLE [UserRoles] ([UserId] nvarchar(450) NOT NULL, [RoleId] int NOT NULL, PRIMARY KEY ([UserId], [RoleId]))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0001_baseline_identity')
BEGIN
    EXEC(N'CREATE TABLE [ServiceProviders] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), ''-'', ''''))) NOT NULL PRIMARY KEY, [UserId] nvarchar(450) NOT NULL UNIQUE, [BusinessName] nvarchar(200) NOT NULL, [Description] nvarchar(max) NULL, [IsVerified] bit DEFAULT 0 NOT NULL)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0001_baseline_identity')
BEGIN
    EXEC(N'CREATE INDEX [EmailIndex] ON [Users] ([NormalizedEmail])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0001_baseline_identity')
BEGIN
    EXEC(N'CREATE INDEX [IX_UserRoles_RoleId] ON [UserRoles] ([RoleId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0001_baseline_identity')
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [RoleNameIndex] ON [Roles] ([NormalizedName]) WHERE [NormalizedName] IS NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0001_baseline_identity')
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UserNameIndex] ON [Users] ([NormalizedUserName]) WHERE [NormalizedUserName] IS NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0001_baseline_identity')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] ADD CONSTRAINT [ServiceProviders_UserId_08e6d13b_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0001_baseline_identity')
BEGIN
    EXEC(N'ALTER TABLE [UserRoles] ADD CONSTRAINT [UserRoles_RoleId_3e99602b_fk_Roles_Id] FOREIGN KEY ([RoleId]) REFERENCES [Roles] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0001_baseline_identity')
BEGIN
    EXEC(N'ALTER TABLE [UserRoles] ADD CONSTRAINT [UserRoles_UserId_64f063f1_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0001_baseline_identity')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'accounts', N'0001_baseline_identity', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- accounts.0002_django_auth_columns (plan item 000)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
    THROW 50001, N'accounts.0002_django_auth_columns runs Python (normalize_emails, fill_missing_passwords, Rebuild UserRoles around a new primary key, keeping its rows): apply it with manage.py migrate accounts 0002_django_auth_columns, then run this script again.', 1;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'ALTER TABLE [Users] ADD [LastLoginAt] datetimeoffset NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'ALTER TABLE [Users] ADD [IsSuperuser] bit DEFAULT 0 NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'ALTER TABLE [Users] ADD [IsStaff] bit DEFAULT 0 NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'ALTER TABLE [Users] ADD [IsActive] bit DEFAULT 1 NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'ALTER TABLE [Users] ADD [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'CREATE TABLE [Users_groups] ([id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [user_id] nvarchar(450) NOT NULL, [group_id] int NOT NULL)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'CREATE TABLE [Users_user_permissions] ([id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [user_id] nvarchar(450) NOT NULL, [permission_id] int NOT NULL)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'ALTER TABLE [Users] ALTER COLUMN [Email] nvarchar(256) NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'ALTER TABLE [Users] ADD CONSTRAINT [Users_Email_bcc97337_uniq] UNIQUE ([Email])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'ALTER TABLE [Users] ALTER COLUMN [PasswordHash] nvarchar(128) NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'ALTER TABLE [Users] ALTER COLUMN [PasswordHash] nvarchar(128) NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[UserRoles]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[UserRoles]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[UserRoles]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [UserRoles]');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'CREATE TABLE [UserRoles] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [UserId] nvarchar(450) NOT NULL, [RoleId] int NOT NULL, CONSTRAINT [UX_UserRoles_User_Role] UNIQUE ([UserId], [RoleId]))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'CREATE INDEX [IX_UserRoles_RoleId] ON [UserRoles] ([RoleId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'CREATE INDEX [Users_groups_group_id_2ddde7ed] ON [Users_groups] ([group_id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'CREATE INDEX [Users_groups_user_id_d0013979] ON [Users_groups] ([user_id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'CREATE INDEX [Users_user_permissions_permission_id_7995fa19] ON [Users_user_permissions] ([permission_id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'CREATE INDEX [Users_user_permissions_user_id_c976b39e] ON [Users_user_permissions] ([user_id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [Users_groups_user_id_group_id_590dc796_uniq] ON [Users_groups] ([user_id], [group_id]) WHERE [user_id] IS NOT NULL AND [group_id] IS NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [Users_user_permissions_user_id_permission_id_f5781f04_uniq] ON [Users_user_permissions] ([user_id], [permission_id]) WHERE [user_id] IS NOT NULL AND [permission_id] IS NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'ALTER TABLE [UserRoles] ADD CONSTRAINT [UserRoles_RoleId_3e99602b_fk_Roles_Id] FOREIGN KEY ([RoleId]) REFERENCES [Roles] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'ALTER TABLE [UserRoles] ADD CONSTRAINT [UserRoles_UserId_64f063f1_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'ALTER TABLE [Users_groups] ADD CONSTRAINT [Users_groups_group_id_2ddde7ed_fk_auth_group_id] FOREIGN KEY ([group_id]) REFERENCES [auth_group] ([id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'ALTER TABLE [Users_groups] ADD CONSTRAINT [Users_groups_user_id_d0013979_fk_Users_Id] FOREIGN KEY ([user_id]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'ALTER TABLE [Users_user_permissions] ADD CONSTRAINT [Users_user_permissions_permission_id_7995fa19_fk_auth_permission_id] FOREIGN KEY ([permission_id]) REFERENCES [auth_permission] ([id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'ALTER TABLE [Users_user_permissions] ADD CONSTRAINT [Users_user_permissions_user_id_c976b39e_fk_Users_Id] FOREIGN KEY ([user_id]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'accounts', N'0002_django_auth_columns', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- messaging.0001_baseline_messaging (plan item 000)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0001_baseline_messaging')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0001_baseline_messaging')
BEGIN
    EXEC(N'CREATE TABLE [Conversations] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), ''-'', ''''))) NOT NULL PRIMARY KEY)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0001_baseline_messaging')
BEGIN
    EXEC(N'CREATE TABLE [ConversationParticipants] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [ConversationId] char(32) NOT NULL, [UserId] nvarchar(450) NOT NULL, [JoinedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, CONSTRAINT [UX_ConvParticipants_Conv_User] UNIQUE ([ConversationId], [UserId]))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0001_baseline_messaging')
BEGIN
    EXEC(N'CREATE TABLE [Messages] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [ConversationId] char(32) NOT NULL, [SenderId] nvarchar(450) NULL, [Content] nvarchar(max) NOT NULL, [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [IsRead] bit DEFAULT 0 NOT NULL)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0001_baseline_messaging')
BEGIN
    EXEC(N'CREATE INDEX [ConversationParticipants_UserId_df636fbd] ON [ConversationParticipants] ([UserId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0001_baseline_messaging')
BEGIN
    EXEC(N'CREATE INDEX [IX_Messages_Conv_Created] ON [Messages] ([ConversationId], [CreatedAt] DESC)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0001_baseline_messaging')
BEGIN
    EXEC(N'CREATE INDEX [Messages_SenderId_bf8a300e] ON [Messages] ([SenderId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0001_baseline_messaging')
BEGIN
    EXEC(N'ALTER TABLE [ConversationParticipants] ADD CONSTRAINT [ConversationParticipants_ConversationId_68210e4b_fk_Conversations_Id] FOREIGN KEY ([ConversationId]) REFERENCES [Conversations] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0001_baseline_messaging')
BEGIN
    EXEC(N'ALTER TABLE [ConversationParticipants] ADD CONSTRAINT [ConversationParticipants_UserId_df636fbd_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0001_baseline_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Messages] ADD CONSTRAINT [Messages_ConversationId_04dbadd6_fk_Conversations_Id] FOREIGN KEY ([ConversationId]) REFERENCES [Conversations] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0001_baseline_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Messages] ADD CONSTRAINT [Messages_SenderId_bf8a300e_fk_Users_Id] FOREIGN KEY ([SenderId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0001_baseline_messaging')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'messaging', N'0001_baseline_messaging', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- admin.0001_initial (plan item -)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'admin' AND [name] = N'0001_initial')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'admin' AND [name] = N'0001_initial')
BEGIN
    EXEC(N'CREATE TABLE [django_admin_log] ([id] int NOT NULL PRIMARY KEY IDENTITY (1, 1), [action_time] datetimeoffset NOT NULL, [object_id] nvarchar(max) NULL, [object_repr] nvarchar(200) NOT NULL, [action_flag] smallint NOT NULL CONSTRAINT django_admin_log_action_flag_a8637d59_check CHECK ([action_flag] >= 0), [change_message] nvarchar(max) NOT NULL, [content_type_id] int NULL, [user_id] nvarchar(450) NOT NULL)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'admin' AND [name] = N'0001_initial')
BEGIN
    EXEC(N'CREATE INDEX [django_admin_log_content_type_id_c4bce8eb] ON [django_admin_log] ([content_type_id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'admin' AND [name] = N'0001_initial')
BEGIN
    EXEC(N'CREATE INDEX [django_admin_log_user_id_c564eba6] ON [django_admin_log] ([user_id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'admin' AND [name] = N'0001_initial')
BEGIN
    EXEC(N'ALTER TABLE [django_admin_log] ADD CONSTRAINT [django_admin_log_content_type_id_c4bce8eb_fk_django_content_type_id] FOREIGN KEY ([content_type_id]) REFERENCES [django_content_type] ([id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'admin' AND [name] = N'0001_initial')
BEGIN
    EXEC(N'ALTER TABLE [django_admin_log] ADD CONSTRAINT [django_admin_log_user_id_c564eba6_fk_Users_Id] FOREIGN KEY ([user_id]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'admin' AND [name] = N'0001_initial')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'admin', N'0001_initial', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- admin.0002_logentry_remove_auto_add (plan item -)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'admin' AND [name] = N'0002_logentry_remove_auto_add')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'admin' AND [name] = N'0002_logentry_remove_auto_add')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'admin', N'0002_logentry_remove_auto_add', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- admin.0003_logentry_add_action_flag_choices (plan item -)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'admin' AND [name] = N'0003_logentry_add_action_flag_choices')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'admin' AND [name] = N'0003_logentry_add_action_flag_choices')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'admin', N'0003_logentry_add_action_flag_choices', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- guardian.0001_initial (plan item -)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'guardian' AND [name] = N'0001_initial')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'guardian' AND [name] = N'0001_initial')
BEGIN
    EXEC(N'CREATE TABLE [guardian_groupobjectpermission] ([id] int NOT NULL PRIMARY KEY IDENTITY (1, 1), [object_pk] nvarchar(255) NOT NULL, [content_type_id] int NOT NULL, [group_id] int NOT NULL, [permission_id] int NOT NULL)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'guardian' AND [name] = N'0001_initial')
BEGIN
    EXEC(N'CREATE TABLE [guardian_userobjectpermission] ([id] int NOT NULL PRIMARY KEY IDENTITY (1, 1), [object_pk] nvarchar(255) NOT NULL, [content_type_id] int NOT NULL, [permission_id] int NOT NULL, [user_id] nvarchar(450) NOT NULL)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'guardian' AND [name] = N'0001_initial')
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [guardian_userobjectpermission_user_id_permission_id_object_pk_b0b3d2fc_uniq] ON [guardian_userobjectpermission] ([user_id], [permission_id], [object_pk]) WHERE [user_id] IS NOT NULL AND [permission_id] IS NOT NULL AND [object_pk] IS NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'guardian' AND [name] = N'0001_initial')
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [guardian_groupobjectpermission_group_id_permission_id_object_pk_3f189f7c_uniq] ON [guardian_groupobjectpermission] ([group_id], [permission_id], [object_pk]) WHERE [group_id] IS NOT NULL AND [permission_id] IS NOT NULL AND [object_pk] IS NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'guardian' AND [name] = N'0001_initial')
BEGIN
    EXEC(N'CREATE INDEX [guardian_groupobjectpermission_content_type_id_7ade36b8] ON [guardian_groupobjectpermission] ([content_type_id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'guardian' AND [name] = N'0001_initial')
BEGIN
    EXEC(N'CREATE INDEX [guardian_groupobjectpermission_group_id_4bbbfb62] ON [guardian_groupobjectpermission] ([group_id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'guardian' AND [name] = N'0001_initial')
BEGIN
    EXEC(N'CREATE INDEX [guardian_groupobjectpermission_permission_id_36572738] ON [guardian_groupobjectpermission] ([permission_id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'guardian' AND [name] = N'0001_initial')
BEGIN
    EXEC(N'CREATE INDEX [guardian_userobjectpermission_content_type_id_2e892405] ON [guardian_userobjectpermission] ([content_type_id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'guardian' AND [name] = N'0001_initial')
BEGIN
    EXEC(N'CREATE INDEX [guardian_userobjectpermission_permission_id_71807bfc] ON [guardian_userobjectpermission] ([permission_id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'guardian' AND [name] = N'0001_initial')
BEGIN
    EXEC(N'CREATE INDEX [guardian_userobjectpermission_user_id_d5c1e964] ON [guardian_userobjectpermission] ([user_id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'guardian' AND [name] = N'0001_initial')
BEGIN
    EXEC(N'ALTER TABLE [guardian_groupobjectpermission] ADD CONSTRAINT [guardian_groupobjectpermission_content_type_id_7ade36b8_fk_django_content_type_id] FOREIGN KEY ([content_type_id]) REFERENCES [django_content_type] ([id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'guardian' AND [name] = N'0001_initial')
BEGIN
    EXEC(N'ALTER TABLE [guardian_groupobjectpermission] ADD CONSTRAINT [guardian_groupobjectpermission_group_id_4bbbfb62_fk_auth_group_id] FOREIGN KEY ([group_id]) REFERENCES [auth_group] ([id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'guardian' AND [name] = N'0001_initial')
BEGIN
    EXEC(N'ALTER TABLE [guardian_groupobjectpermission] ADD CONSTRAINT [guardian_groupobjectpermission_permission_id_36572738_fk_auth_permission_id] FOREIGN KEY ([permission_id]) REFERENCES [auth_permission] ([id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'guardian' AND [name] = N'0001_initial')
BEGIN
    EXEC(N'ALTER TABLE [guardian_userobjectpermission] ADD CONSTRAINT [guardian_userobjectpermission_content_type_id_2e892405_fk_django_content_type_id] FOREIGN KEY ([content_type_id]) REFERENCES [django_content_type] ([id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'guardian' AND [name] = N'0001_initial')
BEGIN
    EXEC(N'ALTER TABLE [guardian_userobjectpermission] ADD CONSTRAINT [guardian_userobjectpermission_permission_id_71807bfc_fk_auth_permission_id] FOREIGN KEY ([permission_id]) REFERENCES [auth_permission] ([id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'guardian' AND [name] = N'0001_initial')
BEGIN
    EXEC(N'ALTER TABLE [guardian_userobjectpermission] ADD CONSTRAINT [guardian_userobjectpermission_user_id_d5c1e964_fk_Users_Id] FOREIGN KEY ([user_id]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'guardian' AND [name] = N'0001_initial')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'guardian', N'0001_initial', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- guardian.0002_generic_permissions_index (plan item -)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'guardian' AND [name] = N'0002_generic_permissions_index')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'guardian' AND [name] = N'0002_generic_permissions_index')
BEGIN
    EXEC(N'CREATE INDEX [guardian_gr_content_ae6aec_idx] ON [guardian_groupobjectpermission] ([content_type_id], [object_pk])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'guardian' AND [name] = N'0002_generic_permissions_index')
BEGIN
    EXEC(N'CREATE INDEX [guardian_us_content_179ed2_idx] ON [guardian_userobjectpermission] ([content_type_id], [object_pk])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'guardian' AND [name] = N'0002_generic_permissions_index')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'guardian', N'0002_generic_permissions_index', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- guardian.0003_remove_groupobjectpermission_guardian_gr_content_ae6aec_idx_and_more (plan item -)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'guardian' AND [name] = N'0003_remove_groupobjectpermission_guardian_gr_content_ae6aec_idx_and_more')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'guardian' AND [name] = N'0003_remove_groupobjectpermission_guardian_gr_content_ae6aec_idx_and_more')
BEGIN
    EXEC(N'DROP INDEX [guardian_gr_content_ae6aec_idx] ON [guardian_groupobjectpermission]');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'guardian' AND [name] = N'0003_remove_groupobjectpermission_guardian_gr_content_ae6aec_idx_and_more')
BEGIN
    EXEC(N'DROP INDEX [guardian_us_content_179ed2_idx] ON [guardian_userobjectpermission]');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'guardian' AND [name] = N'0003_remove_groupobjectpermission_guardian_gr_content_ae6aec_idx_and_more')
BEGIN
    EXEC(N'CREATE INDEX [guardian_gr_permiss_83545c_idx] ON [guardian_groupobjectpermission] ([permission_id], [group_id], [content_type_id], [object_pk])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'guardian' AND [name] = N'0003_remove_groupobjectpermission_guardian_gr_content_ae6aec_idx_and_more')
BEGIN
    EXEC(N'CREATE INDEX [guardian_gr_group_i_9e7d12_idx] ON [guardian_groupobjectpermission] ([group_id], [content_type_id], [object_pk])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'guardian' AND [name] = N'0003_remove_groupobjectpermission_guardian_gr_content_ae6aec_idx_and_more')
BEGIN
    EXEC(N'CREATE INDEX [guardian_us_permiss_e5749c_idx] ON [guardian_userobjectpermission] ([permission_id], [user_id], [content_type_id], [object_pk])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'guardian' AND [name] = N'0003_remove_groupobjectpermission_guardian_gr_content_ae6aec_idx_and_more')
BEGIN
    EXEC(N'CREATE INDEX [guardian_us_user_id_8eae14_idx] ON [guardian_userobjectpermission] ([user_id], [content_type_id], [object_pk])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'guardian' AND [name] = N'0003_remove_groupobjectpermission_guardian_gr_content_ae6aec_idx_and_more')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'guardian', N'0003_remove_groupobjectpermission_guardian_gr_content_ae6aec_idx_and_more', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- sessions.0001_initial (plan item -)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'sessions' AND [name] = N'0001_initial')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'sessions' AND [name] = N'0001_initial')
BEGIN
    EXEC(N'CREATE TABLE [django_session] ([session_key] nvarchar(40) NOT NULL PRIMARY KEY, [session_data] nvarchar(max) NOT NULL, [expire_date] datetimeoffset NOT NULL)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'sessions' AND [name] = N'0001_initial')
BEGIN
    EXEC(N'CREATE INDEX [django_session_expire_date_a5c62663] ON [django_session] ([expire_date])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'sessions' AND [name] = N'0001_initial')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'sessions', N'0001_initial', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- accounts.0003_enhanced_user_management (plan item 001)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0003_enhanced_user_management')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0003_enhanced_user_management')
BEGIN
    EXEC(N'ALTER TABLE [Users] ADD [FirstName] nvarchar(100) NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0003_enhanced_user_management')
BEGIN
    EXEC(N'ALTER TABLE [Users] ADD [LastName] nvarchar(100) NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0003_enhanced_user_management')
BEGIN
    EXEC(N'ALTER TABLE [Users] ADD [ProfileImageUrl] nvarchar(500) NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0003_enhanced_user_management')
BEGIN
    EXEC(N'ALTER TABLE [Users] ADD [DateOfBirth] date NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0003_enhanced_user_management')
BEGIN
    EXEC(N'ALTER TABLE [Users] ADD [Gender] nvarchar(20) NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0003_enhanced_user_management')
BEGIN
    EXEC(N'ALTER TABLE [Users] ADD [TimeZone] nvarchar(50) DEFAULT ''UTC'' NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0003_enhanced_user_management')
BEGIN
    EXEC(N'ALTER TABLE [Users] ADD [PreferredLanguage] nvarchar(10) DEFAULT ''en'' NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0003_enhanced_user_management')
BEGIN
    EXEC(N'ALTER TABLE [Users] ADD [IsEmailNotificationsEnabled] bit DEFAULT 1 NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0003_enhanced_user_management')
BEGIN
    EXEC(N'ALTER TABLE [Users] ADD [IsSmsNotificationsEnabled] bit DEFAULT 0 NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0003_enhanced_user_management')
BEGIN
    EXEC(N'ALTER TABLE [Users] ADD [LastSeenAt] datetimeoffset NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0003_enhanced_user_management')
BEGIN
    EXEC(N'ALTER TABLE [Users] ADD [AccountStatus] nvarchar(20) DEFAULT ''Active'' NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0003_enhanced_user_management')
BEGIN
    EXEC(N'CREATE INDEX [IX_Users_Name] ON [Users] ([FirstName], [LastName])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0003_enhanced_user_management')
BEGIN
    EXEC(N'CREATE INDEX [IX_Users_LastSeen] ON [Users] ([LastSeenAt] DESC)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0003_enhanced_user_management')
BEGIN
    EXEC(N'CREATE INDEX [IX_Users_AccountStatus] ON [Users] ([AccountStatus])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0003_enhanced_user_management')
BEGIN
    EXEC(N'ALTER TABLE [Users] ADD CONSTRAINT [CK_Users_AccountStatus] CHECK ([AccountStatus] IN (''Active'', ''Suspended'', ''Pending'', ''Deactivated''))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0003_enhanced_user_management')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'accounts', N'0003_enhanced_user_management', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- accounts.0004_rbac_permissions (plan item 002)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
    THROW 50001, N'accounts.0004_rbac_permissions runs Python (create_system_user): apply it with manage.py migrate accounts 0004_rbac_permissions, then run this script again.', 1;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    EXEC(N'CREATE TABLE [Permissions] ([Id] int NOT NULL PRIMARY KEY IDENTITY (1, 1), [Name] nvarchar(256) NOT NULL, [Description] nvarchar(500) NULL, [Category] nvarchar(100) NOT NULL, [IsSystemPermission] bit DEFAULT 0 NOT NULL, [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, CONSTRAINT [IX_Permissions_Name] UNIQUE ([Name]))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    EXEC(N'CREATE TABLE [RolePermissions] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [RoleId] int NOT NULL, [PermissionId] int NOT NULL, [GrantedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [GrantedBy] nvarchar(450) NULL, CONSTRAINT [UX_RolePermissions_Role_Perm] UNIQUE ([RoleId], [PermissionId]))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    EXEC(N'ALTER TABLE [Roles] ADD [Level] int DEFAULT 1 NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    EXEC(N'ALTER TABLE [Roles] ADD [IsSystemRole] bit DEFAULT 0 NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    EXEC(N'ALTER TABLE [Roles] ADD [MaxUsers] int NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    EXEC(N'ALTER TABLE [Roles] ADD [Description] nvarchar(500) DEFAULT '''' NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    EXEC(N'DECLARE @dj_drop_1 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [Roles] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[Roles]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[Roles]''), N''Description'', ''ColumnId''));
IF @dj_drop_1 IS NOT NULL EXEC sp_executesql @dj_drop_1');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    EXEC(N'ALTER TABLE [Roles] ADD CONSTRAINT [CK_Roles_Level] CHECK ([Level] >= 1)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    EXEC(N'ALTER TABLE [Roles] ADD CONSTRAINT [CK_Roles_MaxUsers] CHECK (([MaxUsers] IS NULL OR [MaxUsers] > 0))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    EXEC(N'ALTER TABLE [UserRoles] ADD [AssignedBy] nvarchar(450) DEFAULT ''00000000-0000-0000-0000-000000000000'' NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    EXEC(N'DECLARE @dj_drop_2 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [UserRoles] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[UserRoles]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[UserRoles]''), N''AssignedBy'', ''ColumnId''));
IF @dj_drop_2 IS NOT NULL EXEC sp_executesql @dj_drop_2');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    EXEC(N'ALTER TABLE [UserRoles] ADD [IsActive] bit DEFAULT 1 NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    EXEC(N'ALTER TABLE [UserRoles] ADD [ExpiresAt] datetimeoffset NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    EXEC(N'ALTER TABLE [UserRoles] ADD [Notes] nvarchar(500) NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    EXEC(N'ALTER TABLE [UserRoles] ADD [AssignedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    EXEC(N'CREATE INDEX [IX_UserRoles_User_Active] ON [UserRoles] ([UserId], [IsActive])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    EXEC(N'CREATE INDEX [IX_Permissions_Category] ON [Permissions] ([Category])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    EXEC(N'CREATE INDEX [IX_RolePermissions_Permission] ON [RolePermissions] ([PermissionId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    EXEC(N'CREATE INDEX [RolePermissions_GrantedBy_3c251ddc] ON [RolePermissions] ([GrantedBy])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    EXEC(N'CREATE INDEX [UserRoles_AssignedBy_6c5afc1c] ON [UserRoles] ([AssignedBy])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    EXEC(N'ALTER TABLE [RolePermissions] ADD CONSTRAINT [RolePermissions_GrantedBy_3c251ddc_fk_Users_Id] FOREIGN KEY ([GrantedBy]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    EXEC(N'ALTER TABLE [RolePermissions] ADD CONSTRAINT [RolePermissions_PermissionId_a4fee2d6_fk_Permissions_Id] FOREIGN KEY ([PermissionId]) REFERENCES [Permissions] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    EXEC(N'ALTER TABLE [RolePermissions] ADD CONSTRAINT [RolePermissions_RoleId_e3826e0e_fk_Roles_Id] FOREIGN KEY ([RoleId]) REFERENCES [Roles] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    EXEC(N'ALTER TABLE [UserRoles] ADD CONSTRAINT [UserRoles_AssignedBy_6c5afc1c_fk_Users_Id] FOREIGN KEY ([AssignedBy]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'accounts', N'0004_rbac_permissions', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- accounts.0005_seed_rbac (plan item 002)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0005_seed_rbac')
    THROW 50001, N'accounts.0005_seed_rbac runs Python (seed_rbac): apply it with manage.py migrate accounts 0005_seed_rbac, then run this script again.', 1;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0005_seed_rbac')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0005_seed_rbac')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'accounts', N'0005_seed_rbac', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- accounts.0006_user_sessions_security (plan item 003)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0006_user_sessions_security')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0006_user_sessions_security')
BEGIN
    EXEC(N'CREATE TABLE [UserSessions] ([Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), ''-'', ''''))) NOT NULL PRIMARY KEY, [UserId] nvarchar(450) NOT NULL, [SessionToken] nvarchar(500) NOT NULL, [RefreshToken] nvarchar(500) NOT NULL, [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [ExpiresAt] datetimeoffset NOT NULL, [LastActivityAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [IPAddress] nvarchar(45) NULL, [UserAgent] nvarchar(500) NULL, [DeviceInfo] nvarchar(200) NULL, [Location] nvarchar(200) NULL, [IsActive] bit DEFAULT 1 NOT NULL, [EndedAt] datetimeoffset NULL, [EndReason] nvarchar(50) NULL, [TokenPrefix] nvarchar(16) NOT NULL, [ReplacedBySessionId] char(32) NULL, CONSTRAINT [IX_UserSessions_Token] UNIQUE ([SessionToken]), CONSTRAINT [IX_UserSessions_RefreshToken] UNIQUE ([RefreshToken]), CONSTRAINT [CK_UserSessions_Expiry] CHECK ([ExpiresAt] > ([CreatedAt])), CONSTRAINT [CK_UserSessions_Ended] CHECK ((([EndedAt] IS NULL AND [IsActive] = 1) OR ([EndReason] IS NOT NULL AND [EndedAt] IS NOT NULL AND [IsActive] = 0))), CONSTRAINT [CK_UserSessions_EndReason] CHECK (([EndReason] IS NULL OR [EndReason] IN (''Logout'', ''Expired'', ''Revoked'', ''Replaced''))))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0006_user_sessions_security')
BEGIN
    EXEC(N'CREATE TABLE [LoginAttempts] ([Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), ''-'', ''''))) NOT NULL PRIMARY KEY, [Email] nvarchar(256) NOT NULL, [IPAddress] nvarchar(45) NOT NULL, [UserAgent] nvarchar(500) NULL, [Success] bit NOT NULL, [FailureReason] nvarchar(100) NULL, [AttemptedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, CONSTRAINT [CK_LoginAttempts_Failure] CHECK (([Success] = 1 OR [FailureReason] IS NOT NULL)), CONSTRAINT [CK_LoginAttempts_FailureReason] CHECK (([FailureReason] IS NULL OR [FailureReason] IN (''InvalidCredentials'', ''AccountLocked'', ''AccountSuspended'', ''AccountDeactivated'', ''EmailNotConfirmed'', ''TwoFactorFailed'', ''RateLimited''))))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0006_user_sessions_security')
BEGIN
    EXEC(N'CREATE INDEX [IX_LoginAttempts_Email_Time] ON [LoginAttempts] ([Email], [AttemptedAt] DESC)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0006_user_sessions_security')
BEGIN
    EXEC(N'CREATE INDEX [IX_LoginAttempts_IP_Time] ON [LoginAttempts] ([IPAddress], [AttemptedAt] DESC)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0006_user_sessions_security')
BEGIN
    EXEC(N'CREATE INDEX [IX_LoginAttempts_Success] ON [LoginAttempts] ([Success])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0006_user_sessions_security')
BEGIN
    EXEC(N'CREATE INDEX [IX_LoginAttempts_Time] ON [LoginAttempts] ([AttemptedAt] DESC)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0006_user_sessions_security')
BEGIN
    EXEC(N'CREATE INDEX [IX_UserSessions_ExpiresAt] ON [UserSessions] ([ExpiresAt])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0006_user_sessions_security')
BEGIN
    EXEC(N'CREATE INDEX [IX_UserSessions_LastActivity] ON [UserSessions] ([LastActivityAt] DESC)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0006_user_sessions_security')
BEGIN
    EXEC(N'CREATE INDEX [IX_UserSessions_TokenPrefix] ON [UserSessions] ([TokenPrefix])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0006_user_sessions_security')
BEGIN
    EXEC(N'CREATE INDEX [IX_UserSessions_User] ON [UserSessions] ([UserId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0006_user_sessions_security')
BEGIN
    EXEC(N'CREATE INDEX [UserSessions_ReplacedBySessionId_120d90db] ON [UserSessions] ([ReplacedBySessionId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0006_user_sessions_security')
BEGIN
    EXEC(N'ALTER TABLE [UserSessions] ADD CONSTRAINT [UserSessions_ReplacedBySessionId_120d90db_fk_UserSessions_Id] FOREIGN KEY ([ReplacedBySessionId]) REFERENCES [UserSessions] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0006_user_sessions_security')
BEGIN
    EXEC(N'ALTER TABLE [UserSessions] ADD CONSTRAINT [UserSessions_UserId_af646d32_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0006_user_sessions_security')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'accounts', N'0006_user_sessions_security', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- doggy.0001_system_settings (plan item 004)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0001_system_settings')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0001_system_settings')
BEGIN
    EXEC(N'CREATE TABLE [SystemSettings] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] int NOT NULL PRIMARY KEY IDENTITY (1, 1), [SettingKey] nvarchar(200) NOT NULL, [SettingValue] nvarchar(max) NOT NULL, [DataType] nvarchar(20) NOT NULL, [Category] nvarchar(100) NOT NULL, [Description] nvarchar(500) NULL, [IsUserEditable] bit DEFAULT 0 NOT NULL, [IsEncrypted] bit DEFAULT 0 NOT NULL, [ValidationRule] nvarchar(500) NULL, [UpdatedBy] nvarchar(450) NULL, CONSTRAINT [IX_SystemSettings_Key] UNIQUE ([SettingKey]), CONSTRAINT [CK_SystemSettings_DataType] CHECK ([DataType] IN (''String'', ''Integer'', ''Boolean'', ''JSON'', ''Decimal'')))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0001_system_settings')
BEGIN
    EXEC(N'CREATE INDEX [IX_SystemSettings_Category] ON [SystemSettings] ([Category])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0001_system_settings')
BEGIN
    EXEC(N'CREATE INDEX [SystemSettings_UpdatedBy_b5a462ad] ON [SystemSettings] ([UpdatedBy])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0001_system_settings')
BEGIN
    EXEC(N'ALTER TABLE [SystemSettings] ADD CONSTRAINT [SystemSettings_UpdatedBy_b5a462ad_fk_Users_Id] FOREIGN KEY ([UpdatedBy]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0001_system_settings')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'doggy', N'0001_system_settings', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- doggy.0002_seed_system_settings (plan item 004)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0002_seed_system_settings')
    THROW 50001, N'doggy.0002_seed_system_settings runs Python (seed_settings): apply it with manage.py migrate doggy 0002_seed_system_settings, then run this script again.', 1;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0002_seed_system_settings')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0002_seed_system_settings')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'doggy', N'0002_seed_system_settings', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- audit.0001_audit_logs (plan item 005)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0001_audit_logs')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0001_audit_logs')
BEGIN
    EXEC(N'CREATE TABLE [AuditLogs] ([Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), ''-'', ''''))) NOT NULL PRIMARY KEY, [UserId] nvarchar(450) NULL, [Action] nvarchar(100) NOT NULL, [EntityType] nvarchar(100) NOT NULL, [EntityId] nvarchar(100) NULL, [OldValues] nvarchar(max) NULL CONSTRAINT AuditLogs_OldValues_e664e0c5_check CHECK ((ISJSON ("OldValues") = 1)), [NewValues] nvarchar(max) NULL CONSTRAINT AuditLogs_NewValues_c23ac033_check CHECK ((ISJSON ("NewValues") = 1)), [IPAddress] nvarchar(45) NULL, [UserAgent] nvarchar(500) NULL, [SessionId] char(32) NULL, [Timestamp] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Severity] nvarchar(20) DEFAULT ''Info'' NOT NULL, [CorrelationId] nvarchar(64) NULL, [ActorEmail] nvarchar(256) NULL, CONSTRAINT [CK_AuditLogs_Severity] CHECK ([Severity] IN (''Info'', ''Warning'', ''Error'', ''Critical'')))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0001_audit_logs')
BEGIN
    EXEC(N'CREATE INDEX [AuditLogs_SessionId_652ecea0] ON [AuditLogs] ([SessionId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0001_audit_logs')
BEGIN
    EXEC(N'CREATE INDEX [IX_AuditLogs_Action] ON [AuditLogs] ([Action])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0001_audit_logs')
BEGIN
    EXEC(N'CREATE INDEX [IX_AuditLogs_EntityType] ON [AuditLogs] ([EntityType])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0001_audit_logs')
BEGIN
    EXEC(N'CREATE INDEX [IX_AuditLogs_Entity] ON [AuditLogs] ([EntityType], [EntityId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0001_audit_logs')
BEGIN
    EXEC(N'CREATE INDEX [IX_AuditLogs_Severity] ON [AuditLogs] ([Severity])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0001_audit_logs')
BEGIN
    EXEC(N'CREATE INDEX [IX_AuditLogs_Timestamp] ON [AuditLogs] ([Timestamp] DESC)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0001_audit_logs')
BEGIN
    EXEC(N'CREATE INDEX [IX_AuditLogs_User_Timestamp] ON [AuditLogs] ([UserId], [Timestamp] DESC)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0001_audit_logs')
BEGIN
    EXEC(N'ALTER TABLE [AuditLogs] ADD CONSTRAINT [AuditLogs_SessionId_652ecea0_fk_UserSessions_Id] FOREIGN KEY ([SessionId]) REFERENCES [UserSessions] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0001_audit_logs')
BEGIN
    EXEC(N'ALTER TABLE [AuditLogs] ADD CONSTRAINT [AuditLogs_UserId_1a01ad54_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0001_audit_logs')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'audit', N'0001_audit_logs', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- accounts.0007_kyc_foundation (plan item 006)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0007_kyc_foundation')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0007_kyc_foundation')
BEGIN
    EXEC(N'CREATE TABLE [KycVerifications] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), ''-'', ''''))) NOT NULL PRIMARY KEY, [UserId] nvarchar(450) NOT NULL, [ServiceProviderId] char(32) NULL, [Level] nvarchar(30) NOT NULL, [Status] nvarchar(30) NOT NULL, [RejectType] nvarchar(10) NULL, [RejectLabels] nvarchar(max) NOT NULL CONSTRAINT KycVerifications_RejectLabels_7c7c5148_check CHECK ((ISJSON ("RejectLabels") = 1)), [ApplicantComment] nvarchar(max) NOT NULL, [InternalComment] nvarchar(max) NOT NULL, [Vendor] nvarchar(20) NOT NULL, [VendorApplicantId] nvarchar(100) NULL, [AttemptNumber] smallint NOT NULL CONSTRAINT KycVerifications_AttemptNumber_eda72543_check CHECK ([AttemptNumber] >= 0), [LegalFirstName] nvarchar(100) NOT NULL, [LegalLastName] nvarchar(100) NOT NULL, [DateOfBirth] date NULL, [CountryCode] nvarchar(2) NULL, [SubmittedAt] datetimeoffset NULL, [ReviewStartedAt] datetimeoffset NULL, [ReviewedAt] datetimeoffset NULL, [ReviewedById] nvarchar(450) NULL, [AutoApproved] bit NOT NULL, [ExpiresAt] datetimeoffset NULL, CONSTRAINT [CK_Kyc_Status] CHECK ([Status] IN (''NotStarted'', ''Pending'', ''InReview'', ''Approved'', ''Rejected'', ''ResubmissionRequested'', ''Expired'')), CONSTRAINT [CK_Kyc_Reviewed] CHECK (([Status] IN (''NotStarted'', ''Pending'', ''InReview'', ''ResubmissionRequested'', ''Expired'') OR [ReviewedAt] IS NOT NULL)), CONSTRAINT [CK_Kyc_RejectType] CHECK (([Status] IN (''NotStarted'', ''Pending'', ''InReview'', ''Approved'', ''Expired'') OR [RejectType] IS NOT NULL)), CONSTRAINT [CK_KycVerifications_Level] CHECK ([Level] IN (''Basic'', ''Enhanced'')), CONSTRAINT [CK_KycVerifications_Vendor] CHECK ([Vendor] IN (''Manual'', ''Sumsub'', ''Onfido'', ''Persona'')), CONSTRAINT [CK_KycVerifications_RejectType] CHECK (([RejectType] IS NULL OR [RejectType] IN (''Retry'', ''Final''))), CONSTRAINT [CK_KycVerifications_Attempt] CHECK ([AttemptNumber] >= 1))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0007_kyc_foundation')
BEGIN
    EXEC(N'CREATE TABLE [KycReviewEvents] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [VerificationId] char(32) NOT NULL, [FromStatus] nvarchar(30) NULL, [ToStatus] nvarchar(30) NOT NULL, [ActorId] nvarchar(450) NULL, [Comment] nvarchar(max) NOT NULL, [Payload] nvarchar(max) NULL CONSTRAINT KycReviewEvents_Payload_276f49f9_check CHECK ((ISJSON ("Payload") = 1)), [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0007_kyc_foundation')
BEGIN
    EXEC(N'CREATE INDEX [IX_KycEvents_Verif_Created] ON [KycReviewEvents] ([VerificationId], [CreatedAt])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0007_kyc_foundation')
BEGIN
    EXEC(N'CREATE INDEX [IX_Kyc_Status_Submitted] ON [KycVerifications] ([Status], [SubmittedAt])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0007_kyc_foundation')
BEGIN
    EXEC(N'CREATE INDEX [IX_Kyc_User] ON [KycVerifications] ([UserId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0007_kyc_foundation')
BEGIN
    EXEC(N'CREATE INDEX [KycReviewEvents_ActorId_0a763f39] ON [KycReviewEvents] ([ActorId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0007_kyc_foundation')
BEGIN
    EXEC(N'CREATE INDEX [KycVerifications_ReviewedById_923db73b] ON [KycVerifications] ([ReviewedById])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0007_kyc_foundation')
BEGIN
    EXEC(N'CREATE INDEX [KycVerifications_ServiceProviderId_0b9cc166] ON [KycVerifications] ([ServiceProviderId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0007_kyc_foundation')
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UX_Kyc_User_Open] ON [KycVerifications] ([UserId]) WHERE [Status] IN (''NotStarted'', ''Pending'', ''InReview'', ''ResubmissionRequested'')');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0007_kyc_foundation')
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UX_Kyc_Vendor_Applicant] ON [KycVerifications] ([Vendor], [VendorApplicantId]) WHERE [VendorApplicantId] IS NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0007_kyc_foundation')
BEGIN
    EXEC(N'ALTER TABLE [KycReviewEvents] ADD CONSTRAINT [KycReviewEvents_ActorId_0a763f39_fk_Users_Id] FOREIGN KEY ([ActorId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0007_kyc_foundation')
BEGIN
    EXEC(N'ALTER TABLE [KycReviewEvents] ADD CONSTRAINT [KycReviewEvents_VerificationId_399f66b9_fk_KycVerifications_Id] FOREIGN KEY ([VerificationId]) REFERENCES [KycVerifications] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0007_kyc_foundation')
BEGIN
    EXEC(N'ALTER TABLE [KycVerifications] ADD CONSTRAINT [KycVerifications_ReviewedById_923db73b_fk_Users_Id] FOREIGN KEY ([ReviewedById]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0007_kyc_foundation')
BEGIN
    EXEC(N'ALTER TABLE [KycVerifications] ADD CONSTRAINT [KycVerifications_ServiceProviderId_0b9cc166_fk_ServiceProviders_Id] FOREIGN KEY ([ServiceProviderId]) REFERENCES [ServiceProviders] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0007_kyc_foundation')
BEGIN
    EXEC(N'ALTER TABLE [KycVerifications] ADD CONSTRAINT [KycVerifications_UserId_aa749317_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0007_kyc_foundation')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'accounts', N'0007_kyc_foundation', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- doggy.0003_stored_files (plan item 007)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0003_stored_files')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0003_stored_files')
BEGIN
    EXEC(N'CREATE TABLE [StoredFiles] ([Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), ''-'', ''''))) NOT NULL PRIMARY KEY, [OwnerId] nvarchar(450) NULL, [Purpose] nvarchar(40) NOT NULL, [StorageBackend] nvarchar(20) NOT NULL, [StorageKey] nvarchar(512) NOT NULL, [OriginalFileName] nvarchar(255) NOT NULL, [ContentType] nvarchar(127) NOT NULL, [SizeBytes] bigint NOT NULL, [ChecksumSha256] nvarchar(64) NOT NULL, [Width] int NULL CONSTRAINT StoredFiles_Width_0d01bca3_check CHECK ([Width] >= 0), [Height] int NULL CONSTRAINT StoredFiles_Height_9d3c4af3_check CHECK ([Height] >= 0), [DurationSeconds] numeric(10, 3) NULL, [ThumbnailKey] nvarchar(512) NULL, [PreviewKey] nvarchar(512) NULL, [Visibility] nvarchar(10) NOT NULL, [UploadStatus] nvarchar(12) NOT NULL, [ScanStatus] nvarchar(12) NOT NULL, [ScannedAt] datetimeoffset NULL, [Metadata] nvarchar(max) NOT NULL CONSTRAINT StoredFiles_Metadata_8460a3a3_check CHECK ((ISJSON ("Metadata") = 1)), [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [DeletedAt] datetimeoffset NULL, [ExpiresAt] datetimeoffset NULL, CONSTRAINT [UX_StoredFiles_StorageKey] UNIQUE ([StorageKey]), CONSTRAINT [CK_StoredFiles_Size] CHECK ([SizeBytes] >= 0), CONSTRAINT [CK_StoredFiles_ScanStatus] CHECK ([ScanStatus] IN (''Pending'', ''Clean'', ''Infected'', ''Error'', ''Skipped'')), CONSTRAINT [CK_StoredFiles_Purpose] CHECK ([Purpose] IN (''ProfileImage'', ''DogPhoto'', ''MessageAttachment'', ''KycDocument'', ''MedicalDocument'', ''VaccinationCertificate'', ''CredentialDocument'', ''Receipt'', ''DeliveryPhoto'', ''CallRecording'', ''ReportExport'', ''Other'')), CONSTRAINT [CK_StoredFiles_Visibility] CHECK ([Visibility] IN (''Private'', ''Public'')), CONSTRAINT [CK_StoredFiles_UploadStatus] CHECK ([UploadStatus] IN (''Pending'', ''Uploaded'', ''Failed'')))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0003_stored_files')
BEGIN
    EXEC(N'CREATE INDEX [IX_StoredFiles_Checksum] ON [StoredFiles] ([ChecksumSha256])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0003_stored_files')
BEGIN
    EXEC(N'CREATE INDEX [IX_StoredFiles_Created] ON [StoredFiles] ([CreatedAt] DESC)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0003_stored_files')
BEGIN
    EXEC(N'CREATE INDEX [IX_StoredFiles_Owner_Created] ON [StoredFiles] ([OwnerId], [CreatedAt] DESC)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0003_stored_files')
BEGIN
    EXEC(N'CREATE INDEX [IX_StoredFiles_ScanPending] ON [StoredFiles] ([ScanStatus], [CreatedAt]) WHERE [ScanStatus] = ''Pending''');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0003_stored_files')
BEGIN
    EXEC(N'ALTER TABLE [StoredFiles] ADD CONSTRAINT [StoredFiles_OwnerId_02501da8_fk_Users_Id] FOREIGN KEY ([OwnerId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0003_stored_files')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'doggy', N'0003_stored_files', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- doggy.0004_setting_validation_rules (plan item 007)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0004_setting_validation_rules')
    THROW 50001, N'doggy.0004_setting_validation_rules runs Python (set_validation_rules): apply it with manage.py migrate doggy 0004_setting_validation_rules, then run this script again.', 1;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0004_setting_validation_rules')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0004_setting_validation_rules')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'doggy', N'0004_setting_validation_rules', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- accounts.0008_kyc_documents (plan item 007)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0008_kyc_documents')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0008_kyc_documents')
BEGIN
    EXEC(N'CREATE TABLE [KycDocuments] ([Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), ''-'', ''''))) NOT NULL PRIMARY KEY, [VerificationId] char(32) NOT NULL, [DocumentType] nvarchar(30) NOT NULL, [Side] nvarchar(6) NOT NULL, [IssuingCountry] nvarchar(2) NULL, [DocumentNumberLast4] nvarchar(4) NULL, [DocumentExpiresOn] date NULL, [FileId] char(32) NOT NULL, [Status] nvarchar(10) NOT NULL, [RejectionReason] nvarchar(200) NOT NULL, [UploadedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, CONSTRAINT [CK_KycDocuments_DocumentType] CHECK ([DocumentType] IN (''Passport'', ''DrivingLicence'', ''NationalIdentityCard'', ''ResidencePermit'', ''ProofOfAddress'', ''Selfie'', ''BusinessRegistration'', ''Other'')), CONSTRAINT [CK_KycDocuments_Side] CHECK ([Side] IN (''Front'', ''Back'', ''Single'')), CONSTRAINT [CK_KycDocuments_Status] CHECK ([Status] IN (''Uploaded'', ''Accepted'', ''Rejected'')))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0008_kyc_documents')
BEGIN
    EXEC(N'CREATE INDEX [KycDocuments_FileId_5c9186da] ON [KycDocuments] ([FileId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0008_kyc_documents')
BEGIN
    EXEC(N'CREATE INDEX [KycDocuments_VerificationId_33bfc4bd] ON [KycDocuments] ([VerificationId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0008_kyc_documents')
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UX_KycDocs_Verif_Type_Side] ON [KycDocuments] ([VerificationId], [DocumentType], [Side]) WHERE [Status] IN (''Uploaded'', ''Accepted'')');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0008_kyc_documents')
BEGIN
    EXEC(N'ALTER TABLE [KycDocuments] ADD CONSTRAINT [KycDocuments_FileId_5c9186da_fk_StoredFiles_Id] FOREIGN KEY ([FileId]) REFERENCES [StoredFiles] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0008_kyc_documents')
BEGIN
    EXEC(N'ALTER TABLE [KycDocuments] ADD CONSTRAINT [KycDocuments_VerificationId_33bfc4bd_fk_KycVerifications_Id] FOREIGN KEY ([VerificationId]) REFERENCES [KycVerifications] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0008_kyc_documents')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'accounts', N'0008_kyc_documents', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- accounts.0009_user_settings (plan item 008)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0009_user_settings')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0009_user_settings')
BEGIN
    EXEC(N'CREATE TABLE [UserSettings] ([UserId] nvarchar(450) NOT NULL PRIMARY KEY, [Theme] nvarchar(10) NOT NULL, [TimeFormat] smallint NOT NULL CONSTRAINT UserSettings_TimeFormat_a0bb2c8c_check CHECK ([TimeFormat] >= 0), [WeekStart] nvarchar(10) NOT NULL, [DateFormat] nvarchar(20) NOT NULL, [DistanceUnit] nvarchar(5) NOT NULL, [WeightUnit] nvarchar(5) NOT NULL, [Currency] nvarchar(3) NOT NULL, [QuietHoursStart] time NULL, [QuietHoursEnd] time NULL, [DigestFrequency] nvarchar(10) NOT NULL, [ShowOnlineStatus] bit NOT NULL, [ShareReadReceipts] bit NOT NULL, [ProfileVisibility] nvarchar(10) NOT NULL, [MarketingEmailsOptIn] bit NOT NULL, [AnalyticsOptIn] bit NOT NULL, [Extra] nvarchar(max) NOT NULL CONSTRAINT UserSettings_Extra_ba06a64f_check CHECK ((ISJSON ("Extra") = 1)), [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, CONSTRAINT [CK_UserSettings_QuietHours] CHECK ((([QuietHoursEnd] IS NULL AND [QuietHoursStart] IS NULL) OR ([QuietHoursEnd] IS NOT NULL AND [QuietHoursStart] IS NOT NULL))), CONSTRAINT [CK_UserSettings_Theme] CHECK ([Theme] IN (''Light'', ''Dark'', ''System'')), CONSTRAINT [CK_UserSettings_TimeFormat] CHECK ([TimeFormat] IN (12, 24)), CONSTRAINT [CK_UserSettings_WeekStart] CHECK ([WeekStart] IN (''Sunday'', ''Monday'')), CONSTRAINT [CK_UserSettings_DistanceUnit] CHECK ([DistanceUnit] IN (''mi'', ''km'')), CONSTRAINT [CK_UserSettings_WeightUnit] CHECK ([WeightUnit] IN (''lb'', ''kg'')), CONSTRAINT [CK_UserSettings_DigestFrequency] CHECK ([DigestFrequency] IN (''None'', ''Daily'', ''Weekly'')), CONSTRAINT [CK_UserSettings_ProfileVisibility] CHECK ([ProfileVisibility] IN (''Public'', ''Contacts'', ''Private'')))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0009_user_settings')
BEGIN
    EXEC(N'ALTER TABLE [UserSettings] ADD CONSTRAINT [UserSettings_UserId_7a51d71e_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0009_user_settings')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'accounts', N'0009_user_settings', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
